package io.shmlab.cli;

import io.shmlab.labs.Labs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of the command: its subcommands are the labs and the tools to run, explore and replay them. */
@Command(name = "shmlab", mixinStandardHelpOptions = true, version = "shmlab 0.1.0",
        description = {"Learn, test and verify programs that use POSIX shared memory and semaphores.",
            "Real processes (--backend=native): ex1 ... ex5, run, replay; ls and rm work on the host's /dev/shm;",
            "C programs on real processes: trace, explore and replay with --exec BINARY;",
            "explore, step and demo run on the simulator (the default backend of every command that takes one)."},
        subcommands = {LabsCommand.class, Ex1Command.class, Ex2Command.class, Ex3Command.class, Ex4Command.class,
            Ex5Command.class, RunCommand.class, ExploreCommand.class, TraceCommand.class, ReplayCommand.class, StepCommand.class,
            ServeCommand.class, DemoCommand.class, LsCommand.class, RmCommand.class})
public final class ShmlabCommand implements Callable<Integer> {
    private final Console console;
    private final Labs labs;
    private final CleanUp cleanUp;
    private final List<String> programArgs;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log what happens, and show a stack trace on an internal error")
    boolean verbose;

    private ShmlabCommand(Console console, Labs labs, CleanUp cleanUp, List<String> programArgs) {
        this.console = console;
        this.labs = labs;
        this.cleanUp = cleanUp;
        this.programArgs = List.copyOf(programArgs);
    }

    /**
     * The whole command, its lab arguments and options taken from {@code labs}.
     *
     * @param programArgs what followed {@code --}: the arguments of a program of the user's own
     */
    static CommandLine commandLine(Console console, Labs labs, CleanUp cleanUp, List<String> programArgs) {
        CommandLine line = new CommandLine(new ShmlabCommand(console, labs, cleanUp, programArgs));
        java.util.List<String> footer = new java.util.ArrayList<>();
        footer.add("");
        footer.add("Exit status:");
        footer.addAll(java.util.List.of(ExitCodes.TABLE));
        line.getCommandSpec().usageMessage().footer(footer.stream().map(HelpText::literal).toArray(String[]::new));
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommand() instanceof LabCommand command) {
                command.declare(sub.getCommandSpec(), labs);
            }
        }
        return line;
    }

    Console console() {
        return console;
    }

    /** Where the command registers what it makes, to be removed on every way out. */
    CleanUp cleanUp() {
        return cleanUp;
    }

    /** The labs a user can name. */
    Labs labs() {
        return labs;
    }

    /** The arguments after {@code --}, for a program of the user's own. */
    List<String> programArgs() {
        return programArgs;
    }

    /** Bare {@code shmlab}: a usage error naming the commands. */
    @Override
    public Integer call() {
        throw new UsageError("which command? " + String.join(", ", spec.subcommands().keySet()) + " (see shmlab --help)");
    }
}
