package io.shmlab.sim.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A depth-first search (plain, bounded by preemptions, or reduced by DPOR) on any number of threads,
 * with results that do not depend on it: the search is split into subtrees ({@link SearchSplit}) that
 * depend on the program alone, they are explored ({@link ExplorationWorkers}), and their counts are
 * taken in the order of the subtrees, which is the order of the search on one thread. So the counts
 * per outcome, the first failing schedule and the shortest (the first of the shortest) are the same
 * whatever the number of threads.
 *
 * <p>A bounded search runs its levels one after the other (every schedule without a preemption, then
 * with one, two, then up to the bound, as {@link DfsStrategy} does), each level split the same way;
 * it stops after a level that found nothing new.
 *
 * <p>A budget ({@code maxSchedules}) cuts the search where the order says: on workers, the subtree in
 * which it runs out is explored again, alone, with what is left of it. A search that stops at its
 * first failure is not split: what comes after that failure in the order is not wanted, and a worker
 * exploring it would be wasted. A search is complete when every subtree of every level it needed was
 * explored to its end.
 *
 * <p>Progress reports come from the calling thread: on one thread every
 * {@link ExploreOptions#progressEvery()} schedules, on workers every {@link #PROGRESS_MILLIS}
 * milliseconds while it waits, with the counts of every schedule the workers ran so far; the final
 * report is the ordered one.
 */
final class SplitSearch implements ExplorationWorkers.Progress {

    /** How often the calling thread reports progress while it waits for the workers. */
    static final long PROGRESS_MILLIS = 100;

    private final Simulation simulation;
    private final RunSettings settings;
    private final ExploreOptions options;
    private final ProgressListener listener;
    private final Tally total = new Tally();

    private SplitSearch(Simulation simulation, RunSettings settings, ExploreOptions options, ProgressListener listener) {
        this.simulation = simulation;
        this.settings = settings;
        this.options = options;
        this.listener = listener;
    }

    /** Explores on {@code options.threads()} threads; see {@link Explorer#explore}. */
    static ExplorationReport explore(Simulation simulation, RunSettings settings, ExploreOptions options,
            ProgressListener listener) {
        return new SplitSearch(simulation, settings, options, listener).explore();
    }

    private ExplorationReport explore() {
        boolean complete;
        boolean reduced = options.reduced();
        try (ExplorationWorkers workers = new ExplorationWorkers(simulation, settings, options.threads(),
                options.progressEvery(), listener, this)) {
            List<SearchSplit.Subtree> subtrees = options.stopAtFirstFailure() ? List.of(SearchSplit.whole())
                    : SearchSplit.split(simulation, settings, reduced, workers.schedulerOfThisThread());
            int bound = reduced ? ExploreOptions.NO_BOUND : options.preemptionBound();
            int level = DfsStrategy.firstLevel(bound);
            int previous = -1;
            while (true) {
                long before = total.schedules();
                if (!searchLevel(workers, subtrees, reduced, level, previous)) {
                    complete = false;
                    break;
                }
                if (level == bound || total.schedules() == before) {
                    complete = true;
                    break;
                }
                previous = level;
                level = DfsStrategy.nextLevel(level, bound);
            }
        }
        ExplorationReport report = total.report(complete);
        listener.progress(report);
        return report;
    }

    /**
     * Explores every subtree at one level and counts them in order; false when the budget or the first
     * failure cut it.
     */
    private boolean searchLevel(ExplorationWorkers workers, List<SearchSplit.Subtree> subtrees, boolean reduced,
            int level, int previous) {
        if (!workers.parallel()) {
            for (SearchSplit.Subtree subtree : subtrees) {
                ExplorationWorkers.Part part = workers.exploreHere(strategy(subtree, reduced, level, previous),
                        options.maxSchedules() - total.schedules(), options.stopAtFirstFailure());
                total.append(part.tally());
                if (!part.exhausted()) {
                    return false;
                }
            }
            return true;
        }
        List<Future<ExplorationWorkers.Part>> parts = new ArrayList<>(subtrees.size());
        for (SearchSplit.Subtree subtree : subtrees) {
            parts.add(workers.submit(strategy(subtree, reduced, level, previous), options.maxSchedules(),
                    options.stopAtFirstFailure()));
        }
        for (int i = 0; i < parts.size(); i++) {
            ExplorationWorkers.Part part = await(parts.get(i), workers);
            long left = options.maxSchedules() - total.schedules();
            if (part.tally().schedules() > left) {
                workers.cancel();
                total.append(workers.exploreHere(strategy(subtrees.get(i), reduced, level, previous), left,
                        options.stopAtFirstFailure()).tally());
                return false;
            }
            total.append(part.tally());
            if (!part.exhausted()) {
                workers.cancel();
                return false; // cut by the budget or by its first failure
            }
            listener.progress(total.report(false));
        }
        return true;
    }

    /** A fresh strategy that explores a subtree at a level. */
    private static Strategy strategy(SearchSplit.Subtree subtree, boolean reduced, int level, int previous) {
        if (reduced) {
            return new DporStrategy(subtree.prefix(), subtree.sleeps());
        }
        return new DfsStrategy(level, previous, subtree.positions());
    }

    /** Waits for a part, reporting progress meanwhile; a worker's failure comes out here. */
    private ExplorationWorkers.Part await(Future<ExplorationWorkers.Part> part, ExplorationWorkers workers) {
        while (true) {
            try {
                return part.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                listener.progress(total.reportWith(workers.runningCounts()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while exploring", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** The counts so far on the calling thread: what is taken, and the part in progress after it. */
    @Override
    public void partSoFar(Tally part) {
        Tally soFar = new Tally();
        soFar.append(total);
        soFar.append(part);
        listener.progress(soFar.report(false));
    }
}
