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
        List<String> all = Arrays.asList(args);
        int dashes = all.indexOf("--");
        List<String> programArgs = dashes < 0 ? List.of() : List.copyOf(all.subList(dashes + 1, all.size()));
        String[] options = dashes < 0 ? args : all.subList(0, dashes).toArray(new String[0]);
        boolean verbose = Arrays.asList(options).contains("-v") || Arrays.asList(options).contains("--verbose");
        if (verbose) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        }
        try (CleanUp cleanUp = CleanUp.install(console)) {
            return execute(options, console, labs, cleanUp, programArgs, verbose);
        }
    }

    private static int execute(String[] args, Console console, Labs labs, CleanUp cleanUp, List<String> programArgs,
            boolean verbose) {
        CommandLine commandLine = ShmlabCommand.commandLine(console, labs, cleanUp, programArgs);
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            console.error("shmlab: " + Echo.cut(UsageLine.of(failure, labs)));
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
        return commandLine.execute(args);
    }
}
