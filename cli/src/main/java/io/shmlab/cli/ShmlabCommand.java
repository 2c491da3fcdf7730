package io.shmlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of the command: its subcommands are the labs and the tools to run, explore and replay them. */
@Command(name = "shmlab", mixinStandardHelpOptions = true, version = "shmlab 0.1.0",
        description = "Learn, test and verify programs that use POSIX shared memory and semaphores.",
        subcommands = {LabsCommand.class, Ex1Command.class, Ex2Command.class, Ex3Command.class, Ex4Command.class,
            Ex5Command.class, RunCommand.class, ExploreCommand.class, ReplayCommand.class, StepCommand.class, DemoCommand.class})
public final class ShmlabCommand implements Callable<Integer> {
    private final Console console;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log what happens, and show a stack trace on an internal error")
    boolean verbose;

    ShmlabCommand(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.out());
        return ExitCodes.OK;
    }
}
