package io.shmlab.cli;

import io.shmlab.labs.Labs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab run <lab>} (or a program of one's own: {@code File.java}, {@code --class}): N instances
 * at once, each one's output and how it ended.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = {"Run a lab, or a program of your own, in several processes at once and report how each ended.",
    "A program of your own: File.java, or --class NAME --classpath PATH; its arguments after --."})
final class RunCommand implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    RunOptionsMixin run;

    @Mixin
    ShmSizeOption shmSize;

    private LabChoice lab;
    private LabOptions labOptions;

    @Override
    public void declare(CommandSpec spec, Labs labs) {
        lab = LabChoice.declare(spec, labs);
        labOptions = LabOptions.declare(spec, labs.all(), true);
    }

    @Override
    public Integer call() {
        try (LabChoice choice = lab) {
            var chosen = choice.resolve(root.programArgs(), root.console());
            var settings = labOptions.settings(chosen);
            var options = run.options(chosen.processes());
            var machine = shmSize.options();
            return LabRun.run(backend.resolve(machine), machine, chosen, settings, options, root.console(), root.cleanUp());
        }
    }
}
