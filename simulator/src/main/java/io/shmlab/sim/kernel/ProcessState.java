package io.shmlab.sim.kernel;

/** What a simulated process is doing, as ps(1) would say it. */
public enum ProcessState {
    /** Running its program, or ready to. */
    RUNNING,
    /** Blocked in a call (a futex wait, waitpid, a sleep, a read of its input). */
    BLOCKED,
    /** Ended by returning from main (or by exit). */
    EXITED,
    /** Ended by a signal. */
    KILLED
}
