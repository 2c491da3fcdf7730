package io.shmlab.libc.exec;

/**
 * Decides who takes the next turn of a conducted run: a search strategy, a recorded schedule, an
 * order the simulator found, or the order in which the processes arrived at their calls.
 */
public interface TurnChooser {

    /**
     * Picks the process to take the next turn.
     *
     * @return one of {@link Choice#enabled()}
     * @throws ExecDivergence when the run no longer follows the order the chooser forces
     */
    int choose(Choice choice);

    /** The step a turn made, once known; a forced order checks it. */
    default void took(ExecStep step) {
    }

    /**
     * The run has no turn left to give (every process ended, or those left are blocked for good).
     *
     * @throws ExecDivergence when the forced order has turns left
     */
    default void ended() {
    }
}
