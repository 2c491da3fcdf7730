package io.shmlab.sim.sem;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * The layout of glibc 2.36's {@code sem_t} on x86_64 (its {@code struct new_sem}, the variant for
 * machines with 64-bit atomics), inside the 32 bytes of the {@code sem_t} union:
 *
 * <pre>
 *  0                               8               12              16                              32
 *  +-------------------------------+---------------+---------------+-------------------------------+
 *  | data (uint64_t)               | private (int) | pad (int)     | (unused by glibc)             |
 *  +---------------+---------------+---------------+---------------+-------------------------------+
 *  | value (low 32 bits)           |
 *  |               | nwaiters (high 32 bits)
 * </pre>
 *
 * <p>{@code data} holds the value in its low 32 bits and the number of waiters in its high 32 bits,
 * so a waiter can register and a poster can decrement in one 64-bit atomic operation. The value is
 * also the futex word: waiters sleep on the 32 bits at {@link #VALUE_OFFSET}. {@code private} is
 * {@link #FUTEX_SHARED} (pshared != 0, a named semaphore) or {@link #FUTEX_PRIVATE}.
 */
public final class SemaphoreDescriptor {
    /** The C struct, as glibc declares it. */
    public static final StructLayout NEW_SEM = StructLayout.builder("new_sem")
            .field("data", CType.LONG)
            .field("private", CType.INT)
            .field("pad", CType.INT)
            .build();

    /** Offset of the 64-bit {@code data} word. */
    public static final int DATA_OFFSET = (int) NEW_SEM.offsetOf("data");
    /** Offset of the 32-bit value, the low half of {@code data} on a little-endian machine. */
    public static final int VALUE_OFFSET = DATA_OFFSET;
    /** Offset of the 32-bit waiter count, the high half of {@code data}. */
    public static final int NWAITERS_OFFSET = VALUE_OFFSET + (int) CType.INT.size();
    /** Offset of {@code private}: the futex flag the semaphore's waits and wakes use. */
    public static final int PRIVATE_OFFSET = (int) NEW_SEM.offsetOf("private");
    /** {@code sizeof(sem_t)}. */
    public static final int SIZE = (int) CType.SEM_T.size();
    /** {@code _Alignof(sem_t)}. */
    public static final int ALIGNMENT = CType.SEM_T.alignment();

    /** Mask of the value in {@code data}. */
    public static final long VALUE_MASK = 0xFFFF_FFFFL;
    /** Shift of the waiter count in {@code data}. */
    public static final int NWAITERS_SHIFT = 32;
    /** One waiter, as added to {@code data}. */
    public static final long ONE_WAITER = 1L << NWAITERS_SHIFT;

    /**
     * {@code private} of a process-shared semaphore: glibc's LLL_SHARED, which is FUTEX_PRIVATE_FLAG
     * (128), because glibc XORs the field into the futex operation's FUTEX_PRIVATE_FLAG: 128 clears
     * the flag, so the futex is shared. Measured: sem_init with pshared 1 stores 128.
     */
    public static final int FUTEX_SHARED = 128;
    /**
     * {@code private} of a process-private semaphore: glibc's LLL_PRIVATE, 0, which leaves
     * FUTEX_PRIVATE_FLAG set. Zeroed memory taken as a {@code sem_t} is therefore process-private.
     */
    public static final int FUTEX_PRIVATE = 0;

    private SemaphoreDescriptor() {
    }

    /** The value held in a {@code data} word. */
    public static long value(long data) {
        return data & VALUE_MASK;
    }

    /** The number of waiters held in a {@code data} word. */
    public static long waiters(long data) {
        return data >>> NWAITERS_SHIFT;
    }
}
