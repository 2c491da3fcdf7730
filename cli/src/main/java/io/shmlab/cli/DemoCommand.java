package io.shmlab.cli;

import io.shmlab.sim.ProgramSimulation;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Timeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab demo}: the course's Exercise 5 told in one go on the simulator, with no setup. The
 * seed's program is explored in two processes, every schedule within two preemptions; the lost wakeup
 * is found and its shortest schedule drawn as a timeline; then the corrected program is explored the
 * same way and comes out clean.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Exercise 5's lost wakeup: found by exploring schedules, shown as a timeline, then the fix explored clean.")
final class DemoCommand implements Callable<Integer> {
    private static final int PROCESSES = 2;

    @ParentCommand
    ShmlabCommand root;

    @picocli.CommandLine.Mixin
    ShmSizeOption shmSize;

    @Override
    public Integer call() {
        Console console = root.console();
        ExploreOptions options = ExploreOptions.defaults().withPreemptionBound(2).withMaxSchedules(100_000);
        LabSettings settings = LabSettings.defaults();

        console.println("Exercise 5 of the course: \"when run concurrently multiple times, one of its instances can block forever\".");
        console.println("Every process creates /myData with O_EXCL or opens it; only the creator runs sem_init; all then sem_wait.");
        console.println("");
        console.println("1. The seed's program in " + PROCESSES + " simulated processes, every schedule within "
                + options.preemptionBound() + " preemptions:");
        io.shmlab.api.ShmSize size = shmSize.size();
        ExplorationReport racy = Explorer.explore(new ProgramSimulation(Lab.EX5.spec(settings)).withShmSize(size), PROCESSES,
                options, soFar -> { });
        console.println("   " + counts(racy));
        if (racy.firstFailing() == null) {
            console.println("   no failing schedule found: the simulator did not show the race");
            return ExitCodes.FAILED;
        }
        ScheduledRun run = ReplayCommand.replay(Lab.EX5, settings, racy.shortestFailing(),
                size == null ? io.shmlab.api.ShmSize.NOMINAL : size);
        console.println("");
        console.println("2. The shortest failing schedule, " + racy.shortestFailing() + ":");
        console.print(Timeline.render(run.trace()));
        console.println("");
        String waiter = labelOf(run, true);
        String creator = labelOf(run, false);
        console.println("   " + waiter + " found /myData and waited on its sem_t before " + creator
                + " had run sem_init: " + waiter + " waits on zeroed memory.");
        console.println("   " + creator + "'s sem_init then overwrote the semaphore, waiter count included, so "
                + creator + "'s sem_post woke no one.");
        console.println("");
        console.println("3. Fixed (ex5-fixed): sem_open(\"/myData\", O_CREAT, 0666, 1) creates the semaphore with its value in one step:");
        ExplorationReport fixed = Explorer.explore(new ProgramSimulation(Lab.EX5_FIXED.spec(settings)).withShmSize(size),
                PROCESSES, options, soFar -> { });
        console.println("   " + counts(fixed));
        console.println("");
        console.println("Next: shmlab replay ex5 " + racy.shortestFailing() + " | shmlab step ex5 | shmlab explore ex1"
                + " | shmlab run ex5 --backend=native --delay-init=2s");
        return fixed.failing() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The label of the (first) process blocked forever, or of the first one that was not. */
    private static String labelOf(ScheduledRun run, boolean blocked) {
        return run.report().processes().stream()
                .filter(p -> (p.ending() instanceof io.shmlab.api.Ending.Blocked) == blocked)
                .map(io.shmlab.api.ProcessOutcome::label).findFirst().orElse("?");
    }

    private static String counts(ExplorationReport report) {
        StringBuilder s = new StringBuilder().append(report.schedules()).append(" schedules");
        s.append(report.complete() ? " (all of them)" : "").append(':');
        String sep = " ";
        for (Outcome outcome : Outcome.values()) {
            long n = report.count(outcome);
            if (n > 0) {
                s.append(sep).append(n).append(' ').append(ExploreCommand.name(outcome));
                sep = ", ";
            }
        }
        return s.append(report.failing() == 0 ? " — never blocks" : "").toString();
    }
}
