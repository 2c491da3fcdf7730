package io.shmlab.libc.exec;

import io.shmlab.api.Syscall;

/**
 * A point of a conducted run where a turn is to be given, as a {@link TurnChooser} sees it: which
 * processes may take it (each parked at a call, or back from a blocked one), what each would do, in
 * which order they arrived, and who took the last turn.
 */
public final class Choice {
    private final int[] enabled;
    private final Syscall[] calls;
    private final boolean[] resuming;
    private final int[] arrivals;
    private final int current;
    private final int processes;
    private final long turn;

    Choice(int[] enabled, Syscall[] calls, boolean[] resuming, int[] arrivals, int current, int processes, long turn) {
        this.enabled = enabled;
        this.calls = calls;
        this.resuming = resuming;
        this.arrivals = arrivals;
        this.current = current;
        this.processes = processes;
        this.turn = turn;
    }

    /** The processes that may take the turn, in index order. */
    public int[] enabled() {
        return enabled.clone();
    }

    /** Whether process {@code i} may take it. */
    public boolean isEnabled(int i) {
        for (int e : enabled) {
            if (e == i) {
                return true;
            }
        }
        return false;
    }

    /** The call process {@code i} is at (or back from). */
    public Syscall call(int i) {
        return calls[i];
    }

    /** Whether process {@code i} is back from a blocked call (its turn would be the call going on). */
    public boolean resuming(int i) {
        return resuming[i];
    }

    /** Process {@code i}'s arrival stamp: lower arrived first. */
    public int arrival(int i) {
        return arrivals[i];
    }

    /** The process that took the last turn, -1 before the first. */
    public int current() {
        return current;
    }

    /** How many processes the run has had so far. */
    public int processes() {
        return processes;
    }

    /** This turn's number, from 0. */
    public long turn() {
        return turn;
    }
}
