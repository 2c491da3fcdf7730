package io.shmlab.cli;

import io.shmlab.labs.Lab;
import io.shmlab.labs.Labs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex5}: the seed's racy program, in two processes by default. On real processes add
 * {@code --delay-init=2s} to make the hang show: the blocked process is detected from what it does
 * ({@link LabRun}) and reported, not waited for forever.
 */
@Command(name = "ex5", mixinStandardHelpOptions = true, description = {"Exercise 5: the seed's racy program, run in --procs processes (2 by default).",
    "On native, --delay-init=2s makes one block forever: the deadlock is seen within a second from what",
    "the processes do (each asleep in an untimed wait), and reported; a slow run is never called one."})
final class Ex5Command implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    RunOptionsMixin run;

    @Mixin
    ShmSizeOption shmSize;

    private LabOptions labOptions;

    /** Exercise 5's own options: {@code --name} (default /myData) and {@code --delay-init}. */
    @Override
    public void declare(CommandSpec spec, Labs labs) {
        labOptions = LabOptions.declare(spec, List.of(Lab.EX5), true);
    }

    @Override
    public Integer call() {
        var chosen = Lab.EX5;
        var settings = labOptions.settings();
        var options = run.options();
        var machine = shmSize.options();
        return LabRun.run(backend.resolve(machine), machine, chosen, settings, options, root.console(), root.cleanUp());
    }
}
