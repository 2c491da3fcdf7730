package io.shmlab.libc.turns;

import java.util.List;

/**
 * The order an ordered run forces on its processes' calls: every turn, in order.
 *
 * @param processes how many processes take part (each has at least an exit turn when it ends)
 * @param turns the turns, in the order they are to be taken
 */
public record TurnOrder(int processes, List<Turn> turns) {

    /** Validates and copies. */
    public TurnOrder {
        if (processes < 1 || processes > ControlBlockLayout.MAX_PROCESSES) {
            throw new IllegalArgumentException("processes=" + processes + ": an ordered run takes 1 to "
                    + ControlBlockLayout.MAX_PROCESSES);
        }
        turns = List.copyOf(turns);
        for (Turn t : turns) {
            if (t.owner() >= processes || (processes < Integer.SIZE && t.wakes() >>> processes != 0)) {
                throw new IllegalArgumentException("turn " + t + " of a run of " + processes + " process(es)");
            }
        }
    }

    /** The turn at {@code k}. */
    public Turn turn(int k) {
        return turns.get(k);
    }

    /** How many turns. */
    public int size() {
        return turns.size();
    }
}
