package io.shmlab.libc.turns;

/** Where a process of an ordered run is, as its record in the control block says. */
public enum ProcessState {
    /** Not yet at its first call. */
    STARTING,
    /** Waiting on its turnstile for its next turn. */
    WAITING_TURN,
    /** Inside a call, entered on the turn its record names. */
    IN_CALL,
    /** Back from a call that was handed on as blocked, waiting for the turn on which it resumes. */
    AWAIT_RESUME,
    /** Running its own code between calls. */
    RUNNING,
    /** Took its exit turn. */
    ENDED,
    /** Made a call the order did not expect: the run no longer follows the schedule. */
    DIVERGED,
    /**
     * A conducted run's process whose call blocks: it said so itself before sleeping in the kernel (or,
     * for a sleep that takes no real time, before waiting for the virtual clock), so its turn is over.
     */
    BLOCKED
}
