package io.shmlab.sim.sched;

/** Where a simulated process hands control back to the scheduler. */
public enum Granularity {
    /** At every call into the kernel (and when it ends): races between system calls. */
    SYSCALL,
    /**
     * Also before every load or store through a mapping: races on plain memory, such as a counter
     * incremented by two processes.
     */
    ACCESS
}
