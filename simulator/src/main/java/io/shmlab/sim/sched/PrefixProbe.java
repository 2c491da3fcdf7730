package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * A run that follows a prefix of choices (process indices, one per scheduling point) and stops at the
 * point after it: what {@link SearchSplit} learns of a node of the schedule tree before it splits the
 * search there. It keeps, per point of the prefix, the position of the choice and how many processes
 * were enabled, the footprint of the step and whether the clock moved after it, and at the point after
 * the prefix, which processes are enabled, in the rotated order.
 */
final class PrefixProbe extends SingleSchedule implements StepObserver {

    private final int[] prefix;
    private final int[] positions;
    private final int[] enabledCounts;
    private final StepFootprint[] footprints;
    private final boolean[] clockMovedAfter;
    private int cursor;
    private int[] enabledAfter;

    PrefixProbe(int[] prefix) {
        this.prefix = prefix.clone();
        int n = prefix.length;
        this.positions = new int[n];
        this.enabledCounts = new int[n];
        this.footprints = new StepFootprint[n];
        this.clockMovedAfter = new boolean[n];
    }

    @Override
    public int choose(ChoicePoint point) {
        int k = cursor++;
        if (k < prefix.length) {
            int p = prefix[k];
            if (!point.isEnabled(p)) {
                throw new IllegalStateException("the program is not deterministic: process " + p
                        + " is not enabled at scheduling point " + k + " as it was in an earlier run");
            }
            positions[k] = point.position(p);
            enabledCounts[k] = point.enabledCount();
            return p;
        }
        enabledAfter = new int[point.enabledCount()];
        for (int i = 0; i < enabledAfter.length; i++) {
            enabledAfter[i] = point.atPosition(i);
        }
        throw new ScheduleCut("the prefix was followed to its end");
    }

    @Override
    public void stepRan(StepFootprint footprint, int enabledBy, boolean clockMoved) {
        int e = cursor - 1;
        if (e >= 0 && e < prefix.length) {
            footprints[e] = footprint;
            clockMovedAfter[e] = clockMoved;
        }
    }

    /** Whether the run reached the point after the prefix (else it ended within it: a whole schedule). */
    boolean reachedEnd() {
        return enabledAfter != null;
    }

    /** The processes enabled at the point after the prefix, in the rotated order (position 0 first). */
    int[] enabledAfter() {
        return enabledAfter.clone();
    }

    /** The footprint of the prefix's step at point {@code k}. */
    StepFootprint footprint(int k) {
        return footprints[k];
    }

    /** Whether the clock moved after the prefix's step at point {@code k}. */
    boolean clockMovedAfter(int k) {
        return clockMovedAfter[k];
    }

    /** The positions taken at the prefix's points with more than one process enabled: a {@link DfsStrategy} prefix. */
    int[] branchingPositions() {
        int[] out = new int[prefix.length];
        int n = 0;
        for (int k = 0; k < prefix.length; k++) {
            if (enabledCounts[k] > 1) {
                out[n++] = positions[k];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
