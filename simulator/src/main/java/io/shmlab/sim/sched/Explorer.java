package io.shmlab.sim.sched;

import java.util.EnumMap;
import java.util.Map;

/**
 * Runs a program under many schedules and counts how they end: exploration, as in
 * {@code shmlab explore}. Every schedule runs on a freshly booted machine, so schedules are
 * independent; the first failing one and the shortest failing one are kept as tokens for
 * {@link Replayer}.
 *
 * <p>A depth-first search (plain, bounded, or reduced by DPOR) runs on {@link ExploreOptions#threads()}
 * threads with the same results on any number ({@link SplitSearch}); random and PCT run on the calling
 * thread, one schedule after another.
 *
 * <p>Counts are of distinct schedules: the runs a depth-first search repeats on its way through the
 * lower preemption levels are not counted again, nor do they use up the schedule budget; nor are the
 * runs a partial-order reduction ({@link DporStrategy}) cuts short because every way on from a point
 * was explored already. A progress
 * listener that throws stops the exploration: the exception comes out of {@code explore}, and the
 * process threads are stopped first.
 */
public final class Explorer {

    private Explorer() {
    }

    /**
     * Explores a simulation (a program on a simulated machine is {@code io.shmlab.sim.ProgramSimulation}),
     * each schedule on a fresh world whose seed is the options' seed.
     *
     * @param processes how many processes each schedule starts
     * @param listener told the counts every {@link ExploreOptions#progressEvery()} schedules (a DFS: as
     *     its parts are counted, and every {@link SplitSearch#PROGRESS_MILLIS} ms) and at the end
     */
    public static ExplorationReport explore(Simulation simulation, int processes, ExploreOptions options,
            ProgressListener listener) {
        RunSettings settings = new RunSettings(processes, options.seed(), options.granularity(), options.stepLimit(),
                false, options.spuriousEintr());
        if (options.strategy() == StrategyKind.DFS) {
            return SplitSearch.explore(simulation, settings, options, listener);
        }
        Strategy strategy = options.newStrategy();
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        long schedules = 0;
        String first = null;
        String shortest = null;
        long shortestSteps = 0;
        boolean complete = false;
        try (Scheduler scheduler = new Scheduler()) {
            while (true) {
                if (schedules >= options.maxSchedules()) {
                    break;
                }
                if (!strategy.beginSchedule()) {
                    complete = true;
                    break;
                }
                ScheduledRun run = scheduler.run(simulation, settings, strategy);
                if (strategy.lastScheduleRepeated()) {
                    continue;
                }
                schedules++;
                Long before = counts.get(run.outcome());
                counts.put(run.outcome(), before == null ? 1L : before + 1);
                if (run.outcome().failing()) {
                    listener.failingSchedule(run.token(), run.outcome(), run.steps());
                    if (first == null) {
                        first = run.token();
                    }
                    if (shortest == null || run.steps() < shortestSteps) {
                        shortest = run.token();
                        shortestSteps = run.steps();
                    }
                    if (options.stopAtFirstFailure()) {
                        break;
                    }
                }
                if (schedules % options.progressEvery() == 0) {
                    listener.progress(new ExplorationReport(schedules, counts, first, shortest, shortestSteps, false));
                }
            }
        }
        ExplorationReport report = new ExplorationReport(schedules, counts, first, shortest, shortestSteps, complete);
        listener.progress(report);
        return report;
    }
}
