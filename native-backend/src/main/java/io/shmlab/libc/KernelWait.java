package io.shmlab.libc;

/**
 * What a thread of a real process is doing as /proc shows it, as far as deciding a deadlock goes:
 * asleep in a futex wait with no timeout (sem_wait that nothing posts, a lock that nothing releases:
 * only another process can end it), or anything else.
 */
enum KernelWait {
    /** Asleep ({@code S}) in futex(2) FUTEX_WAIT or FUTEX_WAIT_BITSET with a null timeout. */
    UNTIMED_FUTEX_WAIT,
    /** Running, runnable, or asleep in a call that ends by itself (a timed wait, nanosleep), gone, or unknown. */
    OTHER
}
