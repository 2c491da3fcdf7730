package io.shmlab.sim.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Explores the subtrees of a split search ({@link SplitSearch}): on the calling thread when there is
 * one thread, else on a pool of worker threads, each with a {@link Scheduler} of its own (and so its
 * own process threads); a random or PCT search ({@link Explorer}) is one part on the calling thread. A
 * part runs the ordinary loop of a search: begin a schedule, run it, count it ({@link Tally}) unless it
 * was {@linkplain Strategy#lastScheduleRepeated() repeated}, until the strategy is exhausted, the
 * budget is spent, the first failure (when asked) or a cancellation.
 *
 * <p>Failing schedules are told to the listener from the thread that ran them, one at a time. On the
 * calling thread, the loop also reports progress every {@link ExploreOptions#progressEvery()}
 * schedules; the workers keep running counts instead, which the caller reports while it waits.
 */
final class ExplorationWorkers implements AutoCloseable {

    /** What exploring one subtree gave. */
    record Part(Tally tally, boolean exhausted) {
    }

    /** Told of the counts of the part in progress on the calling thread. */
    interface Progress {
        void partSoFar(Tally part);
    }

    private final Simulation simulation;
    private final RunSettings settings;
    private final ProgressListener listener;
    private final Progress progress;
    private final long progressEvery;
    /** The worker threads, or null to explore on the calling thread. */
    private final ExecutorService pool;
    private final List<Scheduler> schedulers = new ArrayList<>();
    private final ThreadLocal<Scheduler> scheduler = new ThreadLocal<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Schedules counted by the workers, per outcome, for progress reports only (parts may run twice). */
    private final AtomicLongArray running = new AtomicLongArray(Outcome.values().length);

    ExplorationWorkers(Simulation simulation, RunSettings settings, int threads, long progressEvery,
            ProgressListener listener, Progress progress) {
        this.simulation = simulation;
        this.settings = settings;
        this.listener = listener;
        this.progress = progress;
        this.progressEvery = progressEvery;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, new Named());
    }

    /** Names the worker threads; a class, not a lambda: a fresh JVM pays for its first lambda. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "shmlab-explore-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** One subtree, explored on a worker. */
    private final class Task implements Callable<Part> {
        private final Strategy strategy;
        private final long budget;
        private final boolean stopAtFirstFailure;

        Task(Strategy strategy, long budget, boolean stopAtFirstFailure) {
            this.strategy = strategy;
            this.budget = budget;
            this.stopAtFirstFailure = stopAtFirstFailure;
        }

        @Override
        public Part call() {
            HandOver.workerExploring(); // its runs share the cores: they poll only if there are enough
            try {
                return explore(strategy, budget, stopAtFirstFailure, false);
            } finally {
                HandOver.workerStopped();
            }
        }
    }

    /** Whether subtrees are explored on worker threads (else on the calling thread, one at a time). */
    boolean parallel() {
        return pool != null;
    }

    /** Explores a subtree on a worker. */
    Future<Part> submit(Strategy strategy, long budget, boolean stopAtFirstFailure) {
        return pool.submit(new Task(strategy, budget, stopAtFirstFailure));
    }

    /** Explores a subtree on the calling thread. */
    Part exploreHere(Strategy strategy, long budget, boolean stopAtFirstFailure) {
        return explore(strategy, budget, stopAtFirstFailure, true);
    }

    /** A scheduler for the calling thread: the split's probes run on it too. */
    Scheduler schedulerOfThisThread() {
        Scheduler s = scheduler.get();
        if (s == null) {
            s = new Scheduler();
            scheduler.set(s);
            synchronized (schedulers) {
                schedulers.add(s);
            }
        }
        return s;
    }

    private Part explore(Strategy strategy, long budget, boolean stopAtFirstFailure, boolean here) {
        Scheduler on = schedulerOfThisThread();
        Tally tally = new Tally();
        while (here || !cancelled.get()) {
            if (tally.schedules() >= budget) {
                return new Part(tally, false);
            }
            if (!strategy.beginSchedule()) {
                return new Part(tally, true);
            }
            ScheduledRun run = on.run(simulation, settings, strategy);
            if (strategy.lastScheduleRepeated()) {
                continue;
            }
            tally.add(run);
            if (run.outcome().failing()) {
                synchronized (listener) {
                    listener.failingSchedule(run.token(), run.outcome(), run.steps());
                }
                if (stopAtFirstFailure) {
                    return new Part(tally, false);
                }
            }
            if (!here) {
                running.incrementAndGet(run.outcome().ordinal());
            } else if (tally.schedules() % progressEvery == 0) {
                progress.partSoFar(tally);
            }
        }
        return new Part(tally, false);
    }

    /** The schedules the workers have counted so far (some may be counted again, or dropped). */
    long[] runningCounts() {
        long[] counts = new long[running.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = running.get(i);
        }
        return counts;
    }

    /** Stops the workers at their next schedule (not what runs on the calling thread). */
    void cancel() {
        cancelled.set(true);
    }

    /** Stops the workers, waits for them, and stops every scheduler's process threads. */
    @Override
    public void close() {
        cancel();
        try {
            if (pool != null) {
                pool.shutdown(); // no interrupt: a worker stops at its next schedule, never in the middle of a run
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("an exploring thread did not stop within a minute");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (schedulers) {
                for (Scheduler s : schedulers) {
                    s.close();
                }
            }
        }
    }
}
