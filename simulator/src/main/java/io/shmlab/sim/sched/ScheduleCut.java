package io.shmlab.sim.sched;

/**
 * Thrown by a strategy's {@code choose} to end a schedule early because every way on from here was
 * already explored (every enabled process is in the sleep set): the run stops, is not counted, and
 * the strategy goes on with the next schedule.
 */
final class ScheduleCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScheduleCut() {
        super("every way on from this point was explored already", null, false, false);
    }
}
