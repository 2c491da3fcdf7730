package io.shmlab.libc.turns;

/** Where an ordered run stands, as its {@link Supervisor} sees it. */
public enum Verdict {
    /** Turns are still being taken. */
    RUNNING,
    /** Every turn was taken and every process took its exit turn: the schedule ran to its end. */
    FOLLOWED,
    /** Every turn was taken and the processes left are all blocked in the kernel: the schedule's deadlock. */
    HANG,
    /** A process made a call the order did not give it, or ended while turns were still its own. */
    DIVERGED
}
