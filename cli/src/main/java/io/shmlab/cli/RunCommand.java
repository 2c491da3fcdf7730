package io.shmlab.cli;

import io.shmlab.labs.Labs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

/** {@code shmlab run <lab>}: N instances at once, each one's output and how it ended. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a lab in several processes at once and report how each ended.")
final class RunCommand implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    RunOptionsMixin run;

    private LabChoice lab;
    private LabOptions labOptions;

    @Override
    public void declare(CommandSpec spec, Labs labs) {
        lab = LabChoice.declare(spec, labs);
        labOptions = LabOptions.declare(spec, labs.all());
    }

    @Override
    public Integer call() {
        var chosen = lab.resolve();
        var settings = labOptions.settings();
        var options = run.options();
        return LabRun.run(backend.resolve(), chosen, settings, options, root.console());
    }
}
