package io.shmlab.libc;

import io.shmlab.api.layout.SemT;

/**
 * The spin of a native sem_wait or sem_timedwait that finds the value zero, before it sleeps on the
 * futex, as musl's waits do: up to {@link #spins()} polls of the {@code data} word, taking a token
 * with glibc's fast-path compare-and-swap as soon as one is posted, and giving up at once when some
 * process already sleeps on the semaphore (the token is theirs to be woken for). Between two
 * processes that hand tokens to each other in well under a microsecond (Exercise 4's ring buffer),
 * this spares most futex sleeps and wake-ups and the context switches behind them.
 *
 * <p>It changes no outcome: a token is taken only as glibc's fast path takes it, the spinner is not
 * counted as a waiter (so no sem_post makes a futex call for it), and a wait still sleeps once the
 * spin is over. It costs a few microseconds of CPU per wait that sleeps. {@link NativeSettings#SEMAPHORE_SPINS}
 * sets the number of polls; 0 makes a wait that finds zero sleep at once, as glibc's does. A timed
 * wait takes a token that comes during its spin whatever its deadline, as POSIX lets a wait that need
 * not block succeed; its deadline is judged once it would sleep.
 */
final class SemaphoreSpin {
    /** musl's number of polls before sleeping in sem_wait. */
    static final int DEFAULT_SPINS = 100;

    private final int spins;

    SemaphoreSpin(int spins) {
        if (spins < 0) {
            throw new IllegalArgumentException("spins=" + spins);
        }
        this.spins = spins;
    }

    int spins() {
        return spins;
    }

    /**
     * The spin of a wait whose fast path failed: true when it took a token (with the fast path's
     * compare-and-swap); false when the wait must sleep, because the polls are used up or some
     * process sleeps on the semaphore already.
     */
    boolean spinToDecrement(NativeSemaphore sem) {
        for (int poll = 0; poll < spins; poll++) {
            long word = sem.loadData();
            if ((word & SemT.VALUE_MASK) != 0) {
                if (sem.compareAndSetData(word, word - 1)) {
                    return true;
                }
            } else if ((word >>> SemT.NWAITERS_SHIFT) != 0) {
                return false;
            } else {
                Thread.onSpinWait();
            }
        }
        return false;
    }
}
