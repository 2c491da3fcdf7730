package io.shmlab.reduction;

import io.shmlab.sim.sched.DporStrategy;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Scheduler;
import java.util.Set;

/**
 * The distinct outcomes of a depth-first exploration (see {@link FinalStateSimulation}), and how many
 * schedules it ran. The exploration is {@code shmlab explore}'s own ({@link Explorer}), on
 * {@link #THREADS} threads: the search split into subtrees as every exploration is, the first points
 * with every awake process explored; or, for DPOR, one {@link DporStrategy} over the whole tree on one
 * thread ({@link #exploreWholeTree}), where the reversal of races decides from the first point on (a
 * split of a small program covers most of it, so this is what tests the races' reversal there).
 *
 * @param outcomes every distinct outcome, sorted
 * @param schedules the schedules run and counted (not those a reduction cut short)
 * @param complete whether the search ran to its end within the budget
 */
record Outcomes(Set<String> outcomes, long schedules, boolean complete) {

    /** The threads an exploration runs on. */
    static final int THREADS = 2;

    /**
     * Explores with plain exhaustive DFS ({@code dpor} false) or with the partial-order reduction, at
     * most {@code budget} schedules.
     */
    static Outcomes explore(FinalStateSimulation simulation, int processes, Granularity granularity, boolean dpor,
            long budget) {
        return explore(simulation, processes, granularity, ExploreOptions.defaults().withDpor(dpor), budget);
    }

    /** Explores with plain DFS bounded to {@code preemptions} preemptions, at most {@code budget} schedules. */
    static Outcomes exploreBounded(FinalStateSimulation simulation, int processes, Granularity granularity,
            int preemptions, long budget) {
        return explore(simulation, processes, granularity, ExploreOptions.defaults().withPreemptionBound(preemptions),
                budget);
    }

    private static Outcomes explore(FinalStateSimulation simulation, int processes, Granularity granularity,
            ExploreOptions options, long budget) {
        FinalStateSimulation collecting = simulation.fresh();
        ExplorationReport report = Explorer.explore(collecting, processes, options.withThreads(THREADS)
                .withMaxSchedules(budget).withPerAccess(granularity == Granularity.ACCESS), ProgressListener.NONE);
        return new Outcomes(collecting.outcomes(), report.schedules(), report.complete());
    }

    /** Explores with one DPOR search of the whole tree, unsplit, on the calling thread. */
    static Outcomes exploreWholeTree(FinalStateSimulation simulation, int processes, Granularity granularity) {
        FinalStateSimulation collecting = simulation.fresh();
        RunSettings settings = new RunSettings(processes, 0, granularity, RunSettings.DEFAULT_STEP_LIMIT, false, false);
        DporStrategy strategy = new DporStrategy();
        long schedules = 0;
        try (Scheduler scheduler = new Scheduler()) {
            while (strategy.beginSchedule()) {
                scheduler.run(collecting, settings, strategy);
                if (!strategy.lastScheduleRepeated()) {
                    schedules++;
                }
            }
        }
        return new Outcomes(collecting.outcomes(), schedules, true);
    }
}
