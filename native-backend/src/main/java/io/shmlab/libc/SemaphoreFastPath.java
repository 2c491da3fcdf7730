package io.shmlab.libc;

import io.shmlab.api.Limits;

/**
 * The fast paths glibc itself takes in sem_post(3) and sem_wait(3) when nobody waits, made in Java on
 * the same word of the {@link SemTLayout} with the same atomic instruction, so that the uncontended
 * pair costs no native call. Whenever the fast path does not apply (a waiter to wake, a value of
 * zero, the maximum value, a lost race) the caller makes the real glibc call, which decides.
 *
 * <p>It is the protocol of glibc 2.21 and later on x86_64 ({@code __new_sem_post},
 * {@code __new_sem_wait_fast}): post adds one with a compare-and-swap and wakes the futex only if
 * {@code nwaiters} is non-zero; wait subtracts one with a compare-and-swap while the value is
 * positive. Java's compare-and-swap is a full fence, at least as strong as glibc's release (post) and
 * acquire (wait). C processes using glibc on the same semaphore therefore see exactly what they would
 * see from another C process.
 */
final class SemaphoreFastPath {
    /** The first glibc whose sem_t is the layout above. */
    static final int[] FIRST_GLIBC = {2, 21};

    private final boolean enabled;

    SemaphoreFastPath(boolean enabled) {
        this.enabled = enabled;
    }

    /** Enabled when {@code glibcVersion} (as gnu_get_libc_version(3) gives it) has this layout. */
    static SemaphoreFastPath forGlibc(String glibcVersion) {
        return new SemaphoreFastPath(atLeast(glibcVersion, FIRST_GLIBC[0], FIRST_GLIBC[1]));
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
        long word = NativeMemory.getLongVolatile(sem + SemTLayout.DATA_OFFSET);
        if ((word >>> SemTLayout.NWAITERS_SHIFT) != 0 || (word & SemTLayout.VALUE_MASK) >= Limits.SEM_VALUE_MAX) {
            return false;
        }
        return NativeMemory.compareAndSetLong(sem + SemTLayout.DATA_OFFSET, word, word + 1);
    }

    /**
     * sem_wait's fast path: true when it took one; false when glibc must make the call (a value of
     * zero, where glibc blocks or refuses, or a race lost to another process).
     */
    boolean tryDecrement(long sem) {
        if (!enabled) {
            return false;
        }
        long word = NativeMemory.getLongVolatile(sem + SemTLayout.DATA_OFFSET);
        if ((word & SemTLayout.VALUE_MASK) == 0) {
            return false;
        }
        return NativeMemory.compareAndSetLong(sem + SemTLayout.DATA_OFFSET, word, word - 1);
    }
}
