package io.shmlab.sim.sched;

/**
 * How {@link Explorer} searches.
 *
 * @param strategy dfs, pct or random
 * @param preemptionBound the most preemptions of a DFS schedule, {@link #NO_BOUND} for a complete search
 * @param maxSchedules the most schedules to run (DFS stops earlier when it has run them all)
 * @param seed the seed of random and PCT choices, and the machine seed of every schedule
 * @param pctDepth PCT's bug depth {@code d}
 * @param perAccess true to make every load and store a scheduling point, not only system calls
 * @param stepLimit the scheduling points a schedule may pass before it is stopped as a livelock
 * @param stopAtFirstFailure true to stop at the first failing schedule
 * @param progressEvery how many schedules between two progress reports
 * @param spuriousEintr whether every other futex wait of a process is interrupted at once (EINTR), so
 *     that the schedules explore glibc's retry loops too; the tokens record it
 * @param dpor whether a complete DFS ({@link #NO_BOUND}) runs one schedule per class of equivalent
 *     ones ({@link DporStrategy}) rather than every schedule; a bounded DFS never reduces
 * @param threads how many threads a DFS explores on (its results do not depend on it: {@link SplitSearch});
 *     random and PCT run on one
 */
public record ExploreOptions(StrategyKind strategy, int preemptionBound, long maxSchedules, long seed, int pctDepth,
        boolean perAccess, long stepLimit, boolean stopAtFirstFailure, long progressEvery, boolean spuriousEintr,
        boolean dpor, int threads) {

    /** The preemption bound of a complete search: none. */
    public static final int NO_BOUND = Integer.MAX_VALUE;


    /** Validates. */
    public ExploreOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy=null");
        }
        if (preemptionBound < 0) {
            throw new IllegalArgumentException("preemptionBound=" + preemptionBound);
        }
        if (maxSchedules < 1) {
            throw new IllegalArgumentException("maxSchedules=" + maxSchedules);
        }
        if (pctDepth < 1) {
            throw new IllegalArgumentException("pctDepth=" + pctDepth);
        }
        if (stepLimit < 1) {
            throw new IllegalArgumentException("stepLimit=" + stepLimit);
        }
        if (progressEvery < 1) {
            throw new IllegalArgumentException("progressEvery=" + progressEvery);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads);
        }
    }

    /**
     * A complete DFS (no preemption bound) with the partial-order reduction, no schedule budget, seed 0,
     * PCT depth 3, syscall granularity, the default step limit, not stopping at the first failure,
     * progress every 1,000 schedules, no spurious EINTR, on every available core.
     */
    public static ExploreOptions defaults() {
        return new ExploreOptions(StrategyKind.DFS, NO_BOUND, Long.MAX_VALUE, 0, 3, false, RunSettings.DEFAULT_STEP_LIMIT,
                false, 1_000, false, true, Runtime.getRuntime().availableProcessors());
    }

    /** The same on another number of threads. */
    public ExploreOptions withThreads(int n) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, n);
    }

    /** The same with the partial-order reduction on or off (it applies to a complete DFS only). */
    public ExploreOptions withDpor(boolean on) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, on, threads);
    }

    /** Whether a DFS is bounded by a number of preemptions (else it is complete). */
    public boolean bounded() {
        return preemptionBound != NO_BOUND;
    }

    /** Whether the search is a DFS reduced by DPOR: a complete DFS with the reduction on. */
    public boolean reduced() {
        return strategy == StrategyKind.DFS && !bounded() && dpor;
    }

    /** The same with another strategy. */
    public ExploreOptions withStrategy(StrategyKind s) {
        return new ExploreOptions(s, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another preemption bound. */
    public ExploreOptions withPreemptionBound(int bound) {
        return new ExploreOptions(strategy, bound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another schedule budget. */
    public ExploreOptions withMaxSchedules(long max) {
        return new ExploreOptions(strategy, preemptionBound, max, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another seed. */
    public ExploreOptions withSeed(long s) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, s, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another PCT depth. */
    public ExploreOptions withPctDepth(int d) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, d, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same at per-access granularity or not. */
    public ExploreOptions withPerAccess(boolean on) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, on, stepLimit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another step limit. */
    public ExploreOptions withStepLimit(long limit) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, limit,
                stopAtFirstFailure, progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same, stopping at the first failure or not. */
    public ExploreOptions withStopAtFirstFailure(boolean stop) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit, stop,
                progressEvery, spuriousEintr, dpor, threads);
    }

    /** The same with another progress interval. */
    public ExploreOptions withProgressEvery(long every) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, every, spuriousEintr, dpor, threads);
    }

    /** The same with spurious EINTR on or off. */
    public ExploreOptions withSpuriousEintr(boolean on) {
        return new ExploreOptions(strategy, preemptionBound, maxSchedules, seed, pctDepth, perAccess, stepLimit,
                stopAtFirstFailure, progressEvery, on, dpor, threads);
    }

    /** The granularity this asks for. */
    public Granularity granularity() {
        return perAccess ? Granularity.ACCESS : Granularity.SYSCALL;
    }

    /** A fresh strategy of the chosen kind. */
    public Strategy newStrategy() {
        return switch (strategy) {
            case DFS -> reduced() ? new DporStrategy() : new DfsStrategy(preemptionBound);
            case PCT -> new PctStrategy(pctDepth, seed);
            case RANDOM -> new RandomStrategy(seed);
        };
    }
}
