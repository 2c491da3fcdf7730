package io.shmlab.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the shmlab command in this JVM with a given standard input, capturing what it prints; or says
 * the command line that runs it in a JVM of its own.
 */
final class Shmlab {

    /** What a run printed and its exit status. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Shmlab() {
    }

    static Result withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
        int status = Main.execute(args, console);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return withInput("", args);
    }

    /**
     * The command line that runs shmlab in a JVM of its own: this JVM's java, {@code jvmOptions}, this
     * JVM's class path and shmlab's main class, then {@code args}.
     */
    static List<String> inItsOwnJvm(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** The JVM options that have shmlab send itself {@code signal} ({@code INT}, {@code TERM}) at a point of {@link TestHook}. */
    static List<String> signalAt(String point, String signal) {
        return List.of("-D" + TestHook.SIGNAL_AT_PROPERTY + "=" + point, "-D" + TestHook.SIGNAL_PROPERTY + "=" + signal);
    }
}
