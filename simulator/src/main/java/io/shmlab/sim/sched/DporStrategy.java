package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * Exhaustive search of the schedules up to equivalence: source-set dynamic partial-order reduction
 * with sleep sets (Abdulla, Aronis, Jonsson, Sagonas: "Optimal dynamic partial order reduction", POPL
 * 2014, its source-DPOR algorithm; Flanagan and Godefroid, POPL 2005, for the scheme). Two schedules
 * that differ only in the order of independent steps (steps of different processes whose
 * {@linkplain StepFootprint footprints} do not conflict) end in the same state; this search runs at
 * least one schedule of every such class, usually one, and never the same schedule twice.
 *
 * <p>How: a stateless depth-first search, as {@link DfsStrategy}'s, whose points start with one
 * choice each. As a schedule runs, every step is checked against the earlier steps it races with (a
 * dependent step of another process that happens just before it, with nothing in between ordering
 * them); for each race, the point before the earlier step gets a process that starts the reversed
 * order (an initial of the rest), unless one already is there or asleep. Sleep sets skip what was
 * explored: a process whose step from a point was explored sleeps at the later choices there until a
 * dependent step runs. A schedule that reaches a point where every enabled process sleeps is cut
 * ({@link ScheduleCut}), not counted.
 *
 * <p>Soundness in this simulator's terms:
 * <ul>
 *   <li>a step's footprint holds what it touched by physical identity, plain loads and stores
 *       included (at system-call granularity a step runs the process from one call to the next);</li>
 *   <li>blocking and waking: a wait and the wake that ends it both touch the futex, so they are
 *       ordered; the step a wake (or a fork) enables comes after the waking step, which is not a
 *       race that could be reversed;</li>
 *   <li>the virtual clock moves only when every process is blocked, so its move is dependent with
 *       every step: steps before it happen before steps after it, and sleep sets are emptied;</li>
 *   <li>the free pages of /dev/shm are a counter whose charges succeed or fail by its value: a
 *       refusal or a release is dependent with every charge, and two charges are independent only
 *       when each left room for both ({@code StepFootprint.SPACE}), since two charges that each fit
 *       alone from the same state may not fit together (a sleeping charge would then be kept asleep
 *       wrongly; {@code DporSoundnessTest}'s capacity programs catch that).</li>
 *   <li>a semaphore's count: successful posts and decrements are labelled so that those that commute
 *       in every order are independent (two posts; a post and a decrement that needed no post of its
 *       segment; two decrements of a kind), everything else on the count dependent; every schedule
 *       that keeps the order of the dependent steps has the same labels and the same state
 *       ({@link StepFootprint}'s note argues it). A sleeping process is woken by a step after which
 *       its explored step would lose its label ({@link StepFootprint#disturbs}), so sleep sets never
 *       hide a wait that would now fail or block. The soundness test compares this search with plain
 *       DFS on programs of several posters and waiters.</li>
 * </ul>
 * No preemption bound: with one, the reduction is not sound (Coons, Musuvathi, McKinley, "Bounded
 * partial-order reduction", OOPSLA 2013), so a bounded search is {@link DfsStrategy}'s.
 *
 * <p>A search may be confined to the schedules that start with a given prefix, with the sleep sets
 * the points of the prefix have in the whole search ({@link #DporStrategy(int[], SleepSet[])}): what
 * a parallel exploration ({@link SplitSearch}) hands each worker, having explored every process that
 * is awake at those points. Races with steps of the prefix are then left alone: every process that
 * could reverse them is explored there already.
 *
 * <p>Every decision depends on process indices and the order of steps alone, so a search is the same
 * on any machine. At most 64 processes (one bit each).
 */
public final class DporStrategy implements Strategy, StepObserver {

    /** The most processes a run may have: sets of processes are one {@code long}. */
    public static final int MAX_PROCESSES = Long.SIZE;

    // per scheduling point k
    private long[] enabled = new long[64];
    private int[] current = new int[64];
    private int[] chosen = new int[64];
    private long[] backtrack = new long[64];
    private long[] done = new long[64];
    private SleepSet[] sleep = new SleepSet[64];
    private boolean[] clockMovedBefore = new boolean[64];
    // per step k: the one chosen at point k
    private StepFootprint[] footprints = new StepFootprint[64];
    private int[][] clocks = new int[64][];

    private int depth;
    private int replayDepth;
    private int cursor;
    private boolean started;
    private boolean exhausted;
    private boolean cut;
    private SleepSet nextSleep = SleepSet.EMPTY;
    private boolean nextClockMoved;
    /** The processes chosen at the first points, fixed, and the sleep sets there: a subtree's; empty for all. */
    private final int[] prefix;
    private final SleepSet[] prefixSleep;

    /** The whole search. */
    public DporStrategy() {
        this(new int[0], new SleepSet[0]);
    }

    /**
     * The search of the schedules that start with {@code prefix}.
     *
     * @param prefix the process chosen at each of the first points
     * @param prefixSleep the sleep set at each of those points in the whole search
     */
    DporStrategy(int[] prefix, SleepSet[] prefixSleep) {
        if (prefix.length != prefixSleep.length) {
            throw new IllegalArgumentException("prefix of " + prefix.length + " points, " + prefixSleep.length + " sleep sets");
        }
        this.prefix = prefix.clone();
        this.prefixSleep = prefixSleep.clone();
    }

    @Override
    public boolean beginSchedule() {
        if (exhausted) {
            return false;
        }
        if (!started) {
            started = true;
            replayDepth = 0;
        } else if (!backtrack()) {
            exhausted = true;
            return false;
        }
        cursor = 0;
        cut = false;
        nextSleep = SleepSet.EMPTY;
        nextClockMoved = false;
        return true;
    }

    /** Moves to the deepest point with a process left to explore; false when there is none. */
    private boolean backtrack() {
        for (int k = depth - 1; k >= prefix.length; k--) {
            sleep[k] = sleep[k].with(chosen[k], footprints[k]);
            long pending = backtrack[k] & ~done[k] & ~sleep[k].mask();
            if (pending != 0) {
                int p = firstInRotation(pending, current[k]);
                chosen[k] = p;
                done[k] |= 1L << p;
                replayDepth = k + 1;
                return true;
            }
        }
        return false;
    }

    @Override
    public int choose(ChoicePoint point) {
        long mask = 0;
        for (int i = 0; i < point.enabledCount(); i++) {
            int index = point.enabled(i);
            requireReducible(index);
            mask |= 1L << index;
        }
        int k = cursor++;
        if (k < replayDepth) {
            if (enabled[k] != mask) {
                throw new IllegalStateException("the program is not deterministic: choice point " + k
                        + " had processes " + Long.toBinaryString(enabled[k]) + " enabled before and "
                        + Long.toBinaryString(mask) + " now");
            }
            depth = k + 1;
            return chosen[k];
        }
        grow(k + 1);
        enabled[k] = mask;
        current[k] = point.current();
        clockMovedBefore[k] = nextClockMoved;
        if (k < prefix.length) {
            return choosePrefix(k, mask);
        }
        sleep[k] = nextSleep;
        long awake = mask & ~nextSleep.mask();
        if (awake == 0) {
            depth = k;
            cut = true;
            throw new ScheduleCut();
        }
        int p = firstInRotation(awake, current[k]);
        chosen[k] = p;
        backtrack[k] = 1L << p;
        done[k] = 1L << p;
        depth = k + 1;
        return p;
    }

    /**
     * Refuses a process past the {@link #MAX_PROCESSES} the reduction tells apart.
     *
     * @throws IllegalStateException saying to explore without the reduction
     */
    static void requireReducible(int index) {
        if (index >= MAX_PROCESSES) {
            throw new IllegalStateException("the partial-order reduction handles at most " + MAX_PROCESSES
                    + " processes; explore with --no-dpor");
        }
    }

    private int choosePrefix(int k, long mask) {
        int p = prefix[k];
        if ((mask & 1L << p) == 0) {
            throw new IllegalStateException("the program is not deterministic: process " + p + " is not enabled at"
                    + " choice point " + k + " as it was when the search was split");
        }
        sleep[k] = prefixSleep[k];
        chosen[k] = p;
        backtrack[k] = mask;
        done[k] = mask;
        depth = k + 1;
        return p;
    }

    @Override
    public void stepRan(StepFootprint footprint, int enabledBy, boolean clockMoved) {
        int e = cursor - 1;
        if (e < 0 || e < replayDepth - 1) {
            return; // a step of the replayed prefix: the same as when it was first run
        }
        int p = chosen[e];
        footprints[e] = footprint;
        int barrier = lastClockMove(e);
        int[] clock = barrier > 0 ? joinBefore(barrier) : new int[0];
        int previous = previousOf(p, e);
        if (previous >= 0) {
            clock = join(clock, clocks[previous]);
        }
        if (enabledBy >= 0) {
            clock = join(clock, clocks[enabledBy]);
        }
        int[] dependent = new int[4];
        int dependents = 0;
        for (int j = barrier; j < e; j++) {
            if (chosen[j] != p && footprints[j].dependsOn(footprint)) {
                clock = join(clock, clocks[j]);
                if (dependents == dependent.length) {
                    dependent = Arrays.copyOf(dependent, dependents * 2);
                }
                dependent[dependents++] = j;
            }
        }
        if (clock.length <= p) {
            clock = Arrays.copyOf(clock, p + 1);
        }
        clock[p] = e + 1;
        clocks[e] = clock;
        for (int i = 0; i < dependents; i++) {
            int j = dependent[i];
            if (j != enabledBy && isRace(j, previous, enabledBy, dependent, dependents)) {
                reverse(j, e);
            }
        }
        nextClockMoved = clockMoved;
        nextSleep = clockMoved ? SleepSet.EMPTY : sleep[e].after(p, footprint);
    }

    /**
     * Whether {@code j} races with the step just run: nothing between them orders them, that is
     * {@code j} happens before none of that step's other direct predecessors.
     */
    private boolean isRace(int j, int previous, int enabledBy, int[] dependent, int dependents) {
        if (previous >= 0 && happensBefore(j, previous)) {
            return false;
        }
        if (enabledBy >= 0 && enabledBy != j && happensBefore(j, enabledBy)) {
            return false;
        }
        for (int i = 0; i < dependents; i++) {
            int d = dependent[i];
            if (d != j && happensBefore(j, d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The race of step {@code j} with step {@code e}: the point before {@code j} must explore a
     * schedule that reverses them, starting with a process that can go first in what follows
     * {@code j} without it (the steps that do not happen after {@code j}, then {@code e}).
     */
    private void reverse(int j, int e) {
        if (j < prefix.length) {
            return; // every awake process is explored at a point of the prefix
        }
        int[] rest = new int[e - j];
        int n = 0;
        for (int k = j + 1; k < e; k++) {
            if (!happensBefore(j, k)) {
                rest[n++] = k;
            }
        }
        rest[n++] = e;
        long initials = 0;
        long seen = 0;
        for (int a = 0; a < n; a++) {
            int step = rest[a];
            long bit = 1L << chosen[step];
            if ((seen & bit) != 0) {
                continue;
            }
            seen |= bit;
            boolean first = true;
            for (int b = 0; b < a && first; b++) {
                first = !happensBefore(rest[b], step);
            }
            if (first) {
                initials |= bit;
            }
        }
        if ((initials & (backtrack[j] | sleep[j].mask())) != 0) {
            return;
        }
        long candidates = initials & enabled[j];
        if (candidates == 0) {
            backtrack[j] |= enabled[j]; // cannot happen with the footprints as recorded; stays sound if it does
            return;
        }
        backtrack[j] |= 1L << firstInRotation(candidates, current[j]);
    }

    /** Whether step {@code a} happens before step {@code b} (a is earlier). */
    private boolean happensBefore(int a, int b) {
        if (a >= b) {
            return false;
        }
        int[] clock = clocks[b];
        int q = chosen[a];
        return q < clock.length && clock[q] >= a + 1;
    }

    /** The latest point at or before {@code e} that the clock moved just before, or 0. */
    private int lastClockMove(int e) {
        for (int t = e; t > 0; t--) {
            if (clockMovedBefore[t]) {
                return t;
            }
        }
        return 0;
    }

    /** The join of the clocks of every step before {@code t}: the last step of each process suffices. */
    private int[] joinBefore(int t) {
        int[] clock = new int[0];
        long seen = 0;
        for (int j = t - 1; j >= 0; j--) {
            long bit = 1L << chosen[j];
            if ((seen & bit) == 0) {
                seen |= bit;
                clock = join(clock, clocks[j]);
            }
        }
        return clock;
    }

    private int previousOf(int process, int e) {
        for (int j = e - 1; j >= 0; j--) {
            if (chosen[j] == process) {
                return j;
            }
        }
        return -1;
    }

    /** A new clock, the larger of the two in every component. */
    private static int[] join(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            r[i] = Math.max(r[i], b[i]);
        }
        return r;
    }

    /** The first process of a set in the rotated order that starts at {@code current} (-1: at 0). */
    static int firstInRotation(long set, int current) {
        int from = Math.max(current, 0);
        long atOrAfter = from >= Long.SIZE ? 0 : set & (-1L << from);
        return Long.numberOfTrailingZeros(atOrAfter != 0 ? atOrAfter : set);
    }

    /** A schedule cut short because every way on had been explored is not counted. */
    @Override
    public boolean lastScheduleRepeated() {
        return cut;
    }

    private void grow(int size) {
        if (size > chosen.length) {
            int n = Math.max(size, chosen.length * 2);
            enabled = Arrays.copyOf(enabled, n);
            current = Arrays.copyOf(current, n);
            chosen = Arrays.copyOf(chosen, n);
            backtrack = Arrays.copyOf(backtrack, n);
            done = Arrays.copyOf(done, n);
            sleep = Arrays.copyOf(sleep, n);
            clockMovedBefore = Arrays.copyOf(clockMovedBefore, n);
            footprints = Arrays.copyOf(footprints, n);
            clocks = Arrays.copyOf(clocks, n);
        }
    }
}
