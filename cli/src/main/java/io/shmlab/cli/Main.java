package io.shmlab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.shmlab.labs.Labs;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The {@code shmlab} command: the shaded jar's main class. Every command ends with one exit status
 * ({@link ExitCodes}); every error a user can make is one line on standard error.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command on the JVM's standard streams and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, Console.system()));
    }

    /**
     * Runs the command on a console, with the course's labs.
     *
     * @return the exit status
     */
    public static int execute(String[] args, Console console) {
        return execute(args, console, Labs.course());
    }

    /**
     * Runs the command on a console, with these labs to name.
     *
     * @return the exit status
     */
    public static int execute(String[] args, Console console, Labs labs) {
        // what follows "--" is a program's own arguments, never shmlab's options
        List<String> ours = Arrays.asList(args).contains("--") ? Arrays.asList(args).subList(0, Arrays.asList(args).indexOf("--"))
                : Arrays.asList(args);
        boolean verbose = ours.contains("-v") || ours.contains("--verbose");
        if (verbose) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        }
        List<String> all = Arrays.asList(args);
        int dashes = all.indexOf("--");
        List<String> programArgs = dashes < 0 ? List.of() : List.copyOf(all.subList(dashes + 1, all.size()));
        String[] options = dashes < 0 ? args : all.subList(0, dashes).toArray(new String[0]);
        CommandLine commandLine = ShmlabCommand.commandLine(console, labs, programArgs);
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            String first = failure.getMessage() == null ? failure.toString() : failure.getMessage().lines().findFirst().orElse("");
            String command = failure.getCommandLine().getCommandSpec().qualifiedName();
            console.error("shmlab: " + first + " (see " + command + " --help)");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> {
            ErrorLine error = ErrorLine.of(failure);
            console.error(error.line());
            if (error.bug() && verbose) {
                failure.printStackTrace(console.err());
            }
            return error.exitCode();
        });
        return commandLine.execute(options);
    }
}
