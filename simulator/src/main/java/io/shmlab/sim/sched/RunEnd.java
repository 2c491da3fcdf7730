package io.shmlab.sim.sched;

/** How a scheduled run ended. */
enum RunEnd {
    /** Every process ended. */
    FINISHED,
    /** Every live process waits on a futex with no deadline: the futex table's deadlock. */
    DEADLOCK,
    /** The step limit was passed. */
    STEP_LIMIT,
    /** The strategy or the kernel failed (not the program): the run means nothing. */
    FAILED,
    /** Stopped from outside (a stepping session closed). */
    STOPPED
}
