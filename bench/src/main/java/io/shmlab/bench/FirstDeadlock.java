package io.shmlab.bench;

import io.shmlab.api.ProgramSpec;
import io.shmlab.labs.Exercise5;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import java.util.Locale;

/**
 * The search for Exercise 5's first deadlock as {@code shmlab explore ex5} runs it (DFS, the default
 * preemption bound, 2 processes), timed from the start of exploration. Its {@code main} runs it once in
 * a fresh JVM, for the cold figure, and prints {@code millis M schedules S}.
 */
final class FirstDeadlock {
    static final ProgramSpec EXERCISE_5 = ProgramSpec.of(Exercise5.class);

    private FirstDeadlock() {
    }

    /** Explores until the first deadlock; returns the milliseconds it took and the schedules run. */
    static double[] search() {
        long start = System.nanoTime();
        ExplorationReport report = Explorer.explore(new ProgramSimulation(EXERCISE_5), 2,
                ExploreOptions.defaults().withPreemptionBound(2).withStopAtFirstFailure(true).withThreads(1), ProgressListener.NONE);
        double millis = (System.nanoTime() - start) / 1e6;
        if (report.firstFailing() == null) {
            throw new IllegalStateException("exploration found no deadlock in Exercise 5: " + report);
        }
        return new double[] {millis, report.schedules()};
    }

    public static void main(String[] args) {
        double[] found = search();
        System.out.println(String.format(Locale.ROOT, "millis %.3f schedules %.0f", found[0], found[1]));
    }
}
