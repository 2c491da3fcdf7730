package io.shmlab.cli;

import io.shmlab.api.ProcessLabel;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.Stepper;
import io.shmlab.sim.sched.Timeline;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab step <lab>}: the student is the scheduler, as in The Deadlock Empire. At every
 * scheduling point the processes that may run are listed with the call each would make next; the
 * student types a label, that process runs to its next scheduling point, and the step is shown. At
 * the end the whole run is drawn as a timeline, with the token that replays it.
 */
@Command(name = "step", mixinStandardHelpOptions = true, description = {"Be the scheduler: at each step pick which process runs next (type its label).",
    "Commands: A, B, ... run that process one step (Enter alone when only one may run); 'trace' draws the run so far; 'q' stops."})
final class StepCommand implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "how many processes (default ${DEFAULT-VALUE})")
    int procs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the address layout (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-access", negatable = true, description = "stop at every load and store too "
            + "(default: on for labs whose race is in plain memory, such as ex1's counter; off for a program of your own)")
    Boolean perAccess;

    @Mixin
    SimOnlyOption backend;

    @Mixin
    ShmSizeOption shmSize;

    private LabChoice lab;
    private LabOptions labOptions;

    @Override
    public void declare(CommandSpec spec, Labs labs) {
        lab = LabChoice.declare(spec, labs);
        labOptions = LabOptions.declare(spec, labs.all(), false);
    }

    @Override
    public Integer call() {
        backend.check("step");
        try (LabChoice choice = lab) {
            LabDefinition chosen = choice.resolve(root.programArgs(), root.console());
            return step(chosen, labOptions.settings(chosen));
        }
    }

    private int step(LabDefinition chosen, LabSettings settings) {
        if (procs < 1 || procs > 26) {
            throw new UsageError("--procs=" + procs + ": step 1 to 26 processes");
        }
        boolean access = perAccess != null ? perAccess : chosen.raceInMemory();
        RunSettings run = RunSettings.of(procs).withSeed(seed).with(access ? Granularity.ACCESS : Granularity.SYSCALL);
        Console console = root.console();
        console.println("stepping " + chosen.id() + " with " + procs + " process(es): you are the scheduler."
                + " Type a label to run that process one step, 'trace' to see the run so far, 'q' to stop.");
        List<String> words = new java.util.ArrayList<>(List.of("trace", "q"));
        for (int i = 0; i < procs; i++) {
            words.add(ProcessLabel.of(i));
        }
        console.completeWith(words);
        try (Stepper stepper = Stepper.start(new ProgramSimulation(chosen.spec(settings)).withShmSize(shmSize.size()), run)) {
            int shown = 0;
            while (!stepper.finished()) {
                List<Stepper.Choice> enabled = stepper.enabled();
                for (Stepper.Choice c : enabled) {
                    console.println("  " + c.label() + " next: " + Timeline.printable(c.nextCall()));
                }
                console.print("run which? [" + String.join("/", enabled.stream().map(Stepper.Choice::label).toList()) + "] > ");
                String line = console.readLine();
                if (line == null || line.trim().equalsIgnoreCase("q")) {
                    console.println("");
                    console.println("stopped after " + shown + " step(s)");
                    return ExitCodes.OK;
                }
                String answer = line.trim().toUpperCase(Locale.ROOT);
                if (answer.isEmpty() && enabled.size() == 1) {
                    answer = enabled.get(0).label();
                }
                if (answer.equals("TRACE")) {
                    console.print(Timeline.render(stepper.trace()));
                    continue;
                }
                String wanted = answer;
                Stepper.Choice picked = enabled.stream().filter(c -> c.label().equals(wanted)).findFirst().orElse(null);
                if (picked == null) {
                    console.println("'" + line.trim() + "' may not run now; pick one of the processes listed");
                    continue;
                }
                stepper.step(picked.pid());
                List<Step> steps = stepper.trace().steps();
                for (; shown < steps.size(); shown++) {
                    console.println("    " + Timeline.printable(String.valueOf(steps.get(shown))));
                }
            }
            ScheduledRun result = stepper.result();
            console.println("");
            console.print(Timeline.render(result.trace()));
            console.println("");
            RunReportPrinter.print(result.report(), console);
            console.println("this run's schedule: " + result.token() + "  (" + ReplayHint.of(chosen, settings, result.token()) + ")");
            return result.report().failed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
