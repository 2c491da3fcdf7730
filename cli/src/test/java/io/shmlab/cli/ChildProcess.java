package io.shmlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a program in a child process with a given standard input, and keeps what it printed. Output
 * goes to files, so a chatty child never blocks on a full pipe; a child still running after the time
 * limit is killed and the run fails.
 */
final class ChildProcess {
    private static final long TIME_LIMIT_SECONDS = 120;

    /** What a run printed and its exit status. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private ChildProcess() {
    }

    /**
     * @param directory the child's working directory, where its output files are kept too
     * @param environment changes to the inherited environment (such as a new PATH)
     */
    static Result run(Path directory, Consumer<Map<String, String>> environment, String stdin, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child ended without reading all of its input: what it printed says why
        }
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " still running after " + TIME_LIMIT_SECONDS + " s; it printed:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** The java command of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
