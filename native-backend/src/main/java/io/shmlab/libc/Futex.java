package io.shmlab.libc;

/**
 * futex(2) as glibc 2.36's semaphores use it on x86_64: the operations, and how the {@code private}
 * field of a {@code sem_t} picks a process-private or a shared futex.
 *
 * <p>A semaphore's waiter sleeps with {@code FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME} (an absolute
 * CLOCK_REALTIME deadline, or none) and the bit set {@link #BITSET_MATCH_ANY}; a poster wakes one
 * with {@code FUTEX_WAKE}. glibc builds each operation as {@code (op | FUTEX_PRIVATE_FLAG) ^ private}
 * ({@code __lll_private_flag}): the field holds 0 for a process-private semaphore (the flag stays
 * set) and {@link #PRIVATE_FLAG} for a shared one (the flag is cleared).
 */
final class Futex {
    /** {@code SYS_futex} on x86_64. */
    static final long SYS_FUTEX = 202;
    /** {@code FUTEX_WAIT}. */
    static final int WAIT = 0;
    /** {@code FUTEX_WAKE}. */
    static final int WAKE = 1;
    /** {@code FUTEX_WAIT_BITSET}. */
    static final int WAIT_BITSET = 9;
    /** {@code FUTEX_PRIVATE_FLAG}. */
    static final int PRIVATE_FLAG = 128;
    /** {@code FUTEX_CLOCK_REALTIME}: the deadline of a FUTEX_WAIT_BITSET is on CLOCK_REALTIME. */
    static final int CLOCK_REALTIME = 256;
    /** {@code FUTEX_BITSET_MATCH_ANY}. */
    static final int BITSET_MATCH_ANY = -1;

    /** How a futex wait of a semaphore ended, as glibc's wait loop tells the outcomes apart. */
    enum Wait {
        /** Woken by a FUTEX_WAKE (or spuriously): the word is loaded again. */
        WOKEN,
        /** EAGAIN: the word was no longer the value expected. */
        VALUE_CHANGED,
        /** ETIMEDOUT: the deadline passed. */
        TIMED_OUT,
        /** EINVAL: the word is not 4-byte aligned; glibc loads the word again and retries (it spins). */
        REFUSED,
        /**
         * EFAULT: the kernel could not read the word, because its page is gone (the object was cut
         * below it). glibc aborts the process here ("The futex facility returned an unexpected error
         * code"); the api reports the SIGBUS the same load makes in user space.
         */
        PAGE_GONE
    }

    private Futex() {
    }

    /** The operation glibc makes for {@code op} on a semaphore whose {@code private} field holds {@code flag}. */
    static int operation(int op, int flag) {
        return (op | PRIVATE_FLAG) ^ flag;
    }

    /** The operation of a semaphore wait: FUTEX_WAIT_BITSET on CLOCK_REALTIME, as glibc's. */
    static int waitOperation(int flag) {
        return operation(WAIT_BITSET | CLOCK_REALTIME, flag);
    }

    /** The operation of a semaphore post's wake. */
    static int wakeOperation(int flag) {
        return operation(WAKE, flag);
    }
}
