package io.shmlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shmlab run <lab>}: N instances at once, each one's output and how it ended. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a lab in several processes at once and report how each ended.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Parameters(index = "0", paramLabel = "<lab>", description = "ex1, ex2, ex3, ex4, ex5 or ex5-fixed (see shmlab labs)")
    String lab;

    @Mixin
    BackendOption backend;

    @Mixin
    RunOptionsMixin run;

    @Mixin
    LabOptions labOptions;

    @Override
    public Integer call() {
        var chosen = LabChoice.resolve(lab);
        var settings = labOptions.settings();
        var options = run.options();
        return LabRun.run(backend.resolve(), chosen, settings, options, root.console());
    }
}
