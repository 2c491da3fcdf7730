package io.shmlab.sim.sched;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * A scheduling point as a {@link Strategy} sees it: which processes may run next, who reached the
 * point, and how many points came before in this schedule.
 *
 * <p>Processes are named by their <em>index</em>: the order in which they were started (0 for the
 * first process of the run, forks after). Indices, never pids or thread identities, drive every
 * decision, so a schedule means the same on any machine.
 *
 * <p>The {@linkplain #position rotated order} of the enabled processes starts at the one that reached
 * the point (or the first after it, cyclically, when it cannot go on): position 0 is "no switch", which
 * is what schedule tokens and depth-first search count in.
 *
 * <p>One instance is reused for every point of a run: read it only during {@link Strategy#choose}.
 */
public final class ChoicePoint {

    private int[] enabled = new int[4];
    private int count;
    private int current = -1;
    private int processCount;
    private long step;
    private final IntFunction<String> nextCalls;
    private final IntUnaryOperator pids;
    private final Supplier<Trace> traceSoFar;

    /**
     * @param nextCalls what the process with an index would do next, computed only when asked
     * @param pids the pid of the process with an index
     * @param traceSoFar the trace up to this point, built only when asked
     */
    ChoicePoint(IntFunction<String> nextCalls, IntUnaryOperator pids, Supplier<Trace> traceSoFar) {
        this.nextCalls = nextCalls;
        this.pids = pids;
        this.traceSoFar = traceSoFar;
    }

    /** The pid of the process with an index. */
    public int pid(int index) {
        return pids.applyAsInt(index);
    }

    /** The trace of the run up to this point (for a user stepping through it). */
    Trace traceSoFar() {
        return traceSoFar.get();
    }

    void reset(int processes) {
        count = 0;
        processCount = processes;
    }

    void add(int index) {
        if (count == enabled.length) {
            enabled = Arrays.copyOf(enabled, count * 2);
        }
        enabled[count++] = index;
    }

    void set(int currentIndex, long stepNumber) {
        current = currentIndex;
        step = stepNumber;
    }

    /** How many processes may run next (at least 1). */
    public int enabledCount() {
        return count;
    }

    /** The i-th enabled process, in index order. */
    public int enabled(int i) {
        return enabled[i];
    }

    /** True when the process with this index may run next. */
    public boolean isEnabled(int index) {
        for (int i = 0; i < count; i++) {
            if (enabled[i] == index) {
                return true;
            }
        }
        return false;
    }

    /** The index of the process that reached this point, or -1 at the start of a run. */
    public int current() {
        return current;
    }

    /** True when the process that reached the point may go on: choosing another one preempts it. */
    public boolean currentEnabled() {
        return current >= 0 && isEnabled(current);
    }

    /** How many processes the run has started so far. */
    public int processCount() {
        return processCount;
    }

    /** This point's number in the schedule, from 1, counting every point. */
    public long step() {
        return step;
    }

    /** What an enabled process would do next: the call it is about to make, "start", or a resumption. */
    public String nextCall(int index) {
        return nextCalls.apply(index);
    }

    /** The enabled process at a position of the rotated order (0 = no switch). */
    public int atPosition(int position) {
        if (position < 0 || position >= count) {
            throw new IndexOutOfBoundsException("position=" + position + " of " + count + " enabled");
        }
        return enabled[(firstPosition() + position) % count];
    }

    /** The position of an enabled process in the rotated order. */
    public int position(int index) {
        int first = firstPosition();
        for (int i = 0; i < count; i++) {
            if (enabled[i] == index) {
                return Math.floorMod(i - first, count);
            }
        }
        throw new IllegalArgumentException("process " + index + " is not enabled here");
    }

    /** Where the rotation starts: the first enabled index at or after the current process. */
    private int firstPosition() {
        for (int i = 0; i < count; i++) {
            if (enabled[i] >= current) {
                return i;
            }
        }
        return 0;
    }
}
