package io.shmlab.cli;

import io.shmlab.labs.Lab;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex5}: the seed's racy program, in two processes by default. On real processes add
 * {@code --delay-init=2s} to make the hang show: the blocked process is detected at the timeout and
 * reported, not waited for forever.
 */
@Command(name = "ex5", mixinStandardHelpOptions = true, description = {"Exercise 5: the seed's racy program, run in --procs processes (2 by default).",
    "On native, --delay-init=2s makes one block forever: it is detected at --timeout and reported."})
final class Ex5Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    RunOptionsMixin run;

    @Mixin
    LabOptions labOptions;

    @Override
    public Integer call() {
        var chosen = Lab.EX5;
        var settings = labOptions.settings();
        var options = run.options();
        return LabRun.run(backend.resolve(), chosen, settings, options, root.console());
    }
}
