package io.shmlab.libc;

import io.shmlab.api.Limits;
import io.shmlab.api.layout.SemT;

/**
 * The fast paths glibc itself takes in sem_post(3) and sem_wait(3) when nobody waits, made in Java on
 * the same word of the {@link SemT} with the same atomic instruction, so that the uncontended
 * pair costs no native call. Whenever the fast path does not apply (a waiter to wake, a value of
 * zero, the maximum value, a lost race) the caller makes the real glibc call, which decides.
 *
 * <p>It is the protocol of glibc 2.21 and later on x86_64 ({@code __new_sem_post},
 * {@code __new_sem_wait_fast}): post adds one with a compare-and-swap and wakes the futex only if
 * {@code nwaiters} is non-zero; wait subtracts one with a compare-and-swap while the value is
 * positive. Java's compare-and-swap is a full fence, at least as strong as glibc's release (post) and
 * acquire (wait). C processes using glibc on the same semaphore therefore see exactly what they would
 * see from another C process.
 *
 * <p>A sem_wait or sem_timedwait that finds the value zero first spins a little before glibc puts it
 * to sleep ({@link #spinToDecrement}), as musl's does: up to {@link #DEFAULT_SPINS} polls of the word,
 * taking a token with the fast path's compare-and-swap as soon as one is posted, and giving up at once
 * when some process already sleeps on the semaphore (the token is theirs to be woken for). Between two
 * processes that hand tokens to each other in well under a microsecond (Exercise 4's ring buffer), this
 * spares most futex sleeps and wake-ups and the context switches behind them. It changes no outcome:
 * a token is taken only as glibc's fast path takes it, the spinner is not counted as a waiter (so no
 * sem_post makes a futex call for it), and a wait still blocks in glibc once the spin is over. It costs
 * a few microseconds of CPU per wait that blocks. {@link NativeSettings#SEMAPHORE_SPINS} sets the number
 * of polls; 0 makes a wait that finds zero sleep at once, as glibc's does. A timed wait takes a token
 * that comes during its spin whatever its deadline, as POSIX lets a wait that need not block succeed;
 * its deadline is glibc's to judge once it would sleep.
 */
final class SemaphoreFastPath {
    /** The first glibc whose sem_t is the layout above. */
    static final int[] FIRST_GLIBC = {2, 21};

    /** musl's number of polls before sleeping in sem_wait. */
    static final int DEFAULT_SPINS = 100;

    private final boolean enabled;
    private final int spins;

    SemaphoreFastPath(boolean enabled, int spins) {
        if (spins < 0) {
            throw new IllegalArgumentException("spins=" + spins);
        }
        this.enabled = enabled;
        this.spins = spins;
    }

    /**
     * Enabled when {@code glibcVersion} (as gnu_get_libc_version(3) gives it) has this layout and the
     * settings ask for it (a verification run may want glibc alone); spinning as many times as they
     * say.
     */
    static SemaphoreFastPath forGlibc(String glibcVersion, NativeSettings settings) {
        boolean layout = atLeast(glibcVersion, FIRST_GLIBC[0], FIRST_GLIBC[1]);
        return new SemaphoreFastPath(settings.semaphoreFastPath() && layout, settings.semaphoreSpins());
    }

    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * sem_post's fast path: true when it added one and nobody needed waking; false when glibc must
     * make the call (waiters, the maximum value, or a race lost to another process).
     */
    boolean tryPost(long sem) {
        if (!enabled) {
            return false;
        }
        long word = NativeMemory.getLongVolatile(sem + SemT.DATA_OFFSET);
        if (SemT.waiters(word) != 0 || SemT.value(word) >= Limits.SEM_VALUE_MAX) {
            return false;
        }
        return NativeMemory.compareAndSetLong(sem + SemT.DATA_OFFSET, word, word + 1);
    }

    /**
     * sem_wait's fast path: true when it took one; false when glibc must make the call (a value of
     * zero, where glibc blocks or refuses, or a race lost to another process).
     */
    boolean tryDecrement(long sem) {
        if (!enabled) {
            return false;
        }
        long word = NativeMemory.getLongVolatile(sem + SemT.DATA_OFFSET);
        if (SemT.value(word) == 0) {
            return false;
        }
        return NativeMemory.compareAndSetLong(sem + SemT.DATA_OFFSET, word, word - 1);
    }

    /**
     * The spin of a wait whose fast path failed, before glibc's wait: true when it took a token
     * (with the fast path's compare-and-swap); false when glibc must decide, because the polls are
     * used up or some process sleeps on the semaphore already.
     */
    boolean spinToDecrement(long sem) {
        if (!enabled) {
            return false;
        }
        long at = sem + SemT.DATA_OFFSET;
        for (int poll = 0; poll < spins; poll++) {
            long word = NativeMemory.getLongVolatile(at);
            if (SemT.value(word) != 0) {
                if (NativeMemory.compareAndSetLong(at, word, word - 1)) {
                    return true;
                }
            } else if (SemT.waiters(word) != 0) {
                return false;
            } else {
                Thread.onSpinWait();
            }
        }
        return false;
    }
}
