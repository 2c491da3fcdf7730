package io.shmlab.cli;

import io.shmlab.sim.ProgramSimulation;
import io.shmlab.labs.Lab;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Timeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab replay <lab> <token>}: runs one schedule again on the simulator and draws it as a
 * timeline: one column per process, one row per step, the blocked call marked.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay a schedule token of a lab on the simulator and show it as a timeline.")
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Parameters(index = "0", paramLabel = "<lab>", description = "the lab the token was found for")
    String lab;

    @Parameters(index = "1", paramLabel = "<token>", description = "a schedule token printed by run or explore")
    String token;

    @Mixin
    LabOptions labOptions;

    @Override
    public Integer call() {
        Lab chosen = LabChoice.resolve(lab);
        var settings = labOptions.settings();
        SimOnly.check(chosen);
        ScheduledRun run = replay(chosen, settings, token);
        Console console = root.console();
        console.println("replaying " + chosen.id() + " " + token + " (" + run.steps() + " scheduling points)");
        console.print(Timeline.render(run.trace()));
        console.println("");
        RunReportPrinter.print(run.report(), console);
        return run.report().failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static ScheduledRun replay(Lab lab, io.shmlab.labs.LabSettings settings, String token) {
        try {
            return Replayer.replay(new ProgramSimulation(lab.spec(settings)), token);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cannot replay '" + token + "' on " + lab.id() + ": " + e.getMessage());
        }
    }
}
