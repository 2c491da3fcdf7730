package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * The positions chosen at a run's points with more than one enabled process, in order: the choices a
 * schedule token lists. A point with one enabled process is no choice and is not recorded.
 */
final class ChoiceLog {

    private int[] positions = new int[32];
    private int count;

    /** Records who was chosen at a point, when the point was a choice. */
    void record(ChoicePoint point, int chosen) {
        if (point.enabledCount() < 2) {
            return;
        }
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count++] = point.position(chosen);
    }

    /** Forgets every choice: a new schedule begins. */
    void clear() {
        count = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(positions, count);
    }
}
