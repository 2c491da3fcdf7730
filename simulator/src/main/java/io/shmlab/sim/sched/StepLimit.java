package io.shmlab.sim.sched;

/**
 * The scheduling points a run may pass before it is stopped as a livelock (or a run longer than the
 * limit allows), and how many it has passed.
 */
final class StepLimit {

    private final long limit;
    private long steps;

    StepLimit(long limit) {
        this.limit = limit;
    }

    /** Counts one more point; false when that passes the limit (the count then stays at the limit). */
    boolean pass() {
        if (++steps > limit) {
            steps = limit;
            return false;
        }
        return true;
    }

    /** The points passed so far (at most the limit), the first being number 1. */
    long steps() {
        return steps;
    }

    /** Why a run that passed the limit was stopped. */
    String reason() {
        return "stopped at the step limit of " + limit
                + " scheduling points (a livelock, or a longer run than the limit allows)";
    }
}
