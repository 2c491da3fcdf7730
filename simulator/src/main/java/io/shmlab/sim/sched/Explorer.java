package io.shmlab.sim.sched;

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
 * was explored already. A progress listener that throws stops the exploration: the exception comes
 * out of {@code explore}, and the process threads are stopped first.
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
        ExplorationReport report;
        try (ExplorationWorkers workers = new ExplorationWorkers(simulation, settings, 1, options.progressEvery(),
                listener, new WholeSoFar(listener))) {
            ExplorationWorkers.Part whole = workers.exploreHere(options.newStrategy(), options.maxSchedules(),
                    options.stopAtFirstFailure());
            report = whole.tally().report(whole.exhausted());
        }
        listener.progress(report);
        return report;
    }

    /** Progress of a search explored as one part: the part's counts so far are the whole's. */
    private static final class WholeSoFar implements ExplorationWorkers.Progress {
        private final ProgressListener listener;

        WholeSoFar(ProgressListener listener) {
            this.listener = listener;
        }

        @Override
        public void partSoFar(Tally part) {
            listener.progress(part.report(false));
        }
    }
}
