package io.shmlab.reduction;

import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Scheduler;
import io.shmlab.sim.sched.Strategy;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distinct outcomes of a complete depth-first exploration (see {@link FinalStateSimulation}), and
 * how many schedules it ran.
 *
 * @param outcomes every distinct outcome, sorted
 * @param schedules the schedules run and counted (not those a reduction cut short)
 * @param complete whether the search ran to its end within the budget
 */
record Outcomes(Set<String> outcomes, long schedules, boolean complete) {

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
        RunSettings settings = new RunSettings(processes, 0, granularity, RunSettings.DEFAULT_STEP_LIMIT, false, false);
        Strategy strategy = options.newStrategy();
        Set<String> seen = new TreeSet<>();
        long schedules = 0;
        try (Scheduler scheduler = new Scheduler()) {
            while (true) {
                if (schedules >= budget) {
                    return new Outcomes(seen, schedules, false);
                }
                if (!strategy.beginSchedule()) {
                    return new Outcomes(seen, schedules, true);
                }
                ScheduledRun run = scheduler.run(simulation, settings, strategy);
                if (strategy.lastScheduleRepeated()) {
                    continue;
                }
                schedules++;
                seen.add(run.outcome() + "\n" + simulation.lastOutcome());
            }
        }
    }
}
