package io.shmlab.libc.turns;

/**
 * A process made a call the order did not give it: the run no longer follows the schedule (the
 * program is not the one the schedule was found for, or the real kernel decided otherwise).
 */
public final class ScheduleDivergence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScheduleDivergence(String message) {
        super(message);
    }
}
