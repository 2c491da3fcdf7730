package io.shmlab.sim.sched;

import java.util.Arrays;

/** The positions chosen at a run's points with more than one enabled process, in order. */
final class ChoiceLog {

    private int[] positions = new int[32];
    private int count;

    void add(int position) {
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count++] = position;
    }

    int[] toArray() {
        return Arrays.copyOf(positions, count);
    }
}
