package io.shmlab.libc;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * glibc's {@code sem_t} on x86_64 (its {@code struct new_sem}, the layout since glibc 2.21): one
 * 64-bit word holding the value and the number of waiters, then the futex's private flag.
 *
 * <pre>
 *  0 +--------------------+--------------------+
 *    | value     (32 low) | nwaiters (32 high) |  uint64_t data, little-endian
 *  8 +--------------------+--------------------+
 *    | private   (4)      | pad      (4)       |
 * 16 +--------------------+--------------------+
 *    | unused (the union is 32 bytes)          |
 * 32 +-----------------------------------------+
 * </pre>
 *
 * <p>The value is what sem_getvalue reports; a blocked sem_wait sleeps on the futex at the value's
 * 32-bit half and counts itself in {@code nwaiters} while it does.
 */
final class SemTLayout {
    static final StructLayout LAYOUT = StructLayout.builder("new_sem")
            .field("data", CType.LONG)
            .field("private", CType.INT)
            .field("pad", CType.INT)
            .build();

    static final long DATA_OFFSET = LAYOUT.offsetOf("data");
    /** The bytes sem_post, sem_wait, sem_trywait and sem_getvalue touch: the {@code data} word. */
    static final long DATA_SIZE = CType.LONG.size();
    static final long PRIVATE_OFFSET = LAYOUT.offsetOf("private");
    /** What glibc stores in {@code private} of a process-private semaphore (LLL_PRIVATE). */
    static final int FUTEX_PRIVATE = 0;
    /** What glibc stores in {@code private} of a process-shared one (LLL_SHARED, FUTEX_PRIVATE_FLAG). */
    static final int FUTEX_SHARED = 128;
    /** The bytes sem_init(3) stores: {@code data} and {@code private}, up to the padding. */
    static final long INIT_SIZE = LAYOUT.offsetOf("pad");
    /** The low half of {@code data}: the value. */
    static final long VALUE_MASK = 0xFFFF_FFFFL;
    /** {@code data >>> NWAITERS_SHIFT} is the number of waiters. */
    static final int NWAITERS_SHIFT = 32;
    /** The size of the whole {@code sem_t} union. */
    static final long SIZE = CType.SEM_T.size();

    private SemTLayout() {
    }
}
