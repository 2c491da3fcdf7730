package io.shmlab.api.layout;

/**
 * Descriptor of glibc 2.36's {@code sem_t} on x86_64: the one description of its bytes that both
 * backends, the control block of an ordered run and the tests use.
 *
 * <p>{@code <semaphore.h>} declares {@code sem_t} as a union of {@code char __size[__SIZEOF_SEM_T]}
 * (32 on a 64-bit machine) and a {@code long int __align}: 32 bytes aligned as a long. Inside it
 * glibc keeps its {@code struct new_sem} ({@code internaltypes.h}), in the variant for machines with
 * 64-bit atomics, little-endian:
 *
 * <pre>
 *  0                               8               12              16                              32
 *  +-------------------------------+---------------+---------------+-------------------------------+
 *  | data (uint64_t)               | private (int) | pad (int)     | (unused by glibc)             |
 *  +---------------+---------------+---------------+---------------+-------------------------------+
 *  | value         | nwaiters      |
 *  | (low 32 bits) | (high 32 bits)|
 *  0               4               8
 * </pre>
 *
 * <p>{@code data} holds the value in its low 32 bits ({@link #VALUE_MASK}) and the number of waiters
 * in its high 32 bits ({@link #NWAITERS_SHIFT}), so that a waiter registers and a poster increments in
 * one 64-bit atomic operation. The value is stored as it is, unshifted: only glibc's variant for
 * machines without 64-bit atomics shifts it left by one ({@code SEM_VALUE_SHIFT}) to make room for a
 * waiters bit. The value's 32-bit half is also the futex word blocked waiters sleep on
 * ({@link #VALUE_OFFSET}). {@code private} is the futex flag: {@link #FUTEX_SHARED} for a
 * process-shared semaphore, {@link #FUTEX_PRIVATE} for a process-private one. sem_init(3) stores
 * {@code data} and {@code private} ({@link #INIT_SIZE} bytes) and nothing else.
 */
public final class SemT {
    /** {@code sizeof(sem_t)}: glibc's {@code __SIZEOF_SEM_T} on a 64-bit machine. */
    public static final int SIZE = 32;
    /** {@code _Alignof(sem_t)}: the union's {@code long int __align} member. */
    public static final int ALIGNMENT = Long.BYTES;

    /** glibc's {@code struct new_sem}, the inside of a {@code sem_t}, as glibc declares it. */
    public static final StructLayout NEW_SEM = StructLayout.builder("new_sem")
            .field("data", CType.LONG)
            .field("private", CType.INT)
            .field("pad", CType.INT)
            .build();

    /** Offset of the 64-bit {@code data} word. */
    public static final int DATA_OFFSET = (int) NEW_SEM.offsetOf("data");
    /** The bytes sem_post, sem_wait, sem_trywait and sem_getvalue touch: the {@code data} word. */
    public static final int DATA_SIZE = (int) NEW_SEM.field("data").type().size();
    /** Offset of the 32-bit value, the low half of {@code data} ({@code SEM_VALUE_OFFSET} 0, little-endian). */
    public static final int VALUE_OFFSET = DATA_OFFSET;
    /** Offset of the 32-bit waiter count, the high half of {@code data}. */
    public static final int NWAITERS_OFFSET = VALUE_OFFSET + Integer.BYTES;
    /** Offset of {@code private}: the futex flag the semaphore's waits and wakes use. */
    public static final int PRIVATE_OFFSET = (int) NEW_SEM.offsetOf("private");
    /** The bytes sem_init(3) stores: {@code data} and {@code private}, up to the padding. */
    public static final int INIT_SIZE = (int) NEW_SEM.offsetOf("pad");

    /** The value in {@code data}: glibc's {@code SEM_VALUE_MASK}, the low 32 bits. */
    public static final long VALUE_MASK = 0xFFFF_FFFFL;
    /** {@code data >>> NWAITERS_SHIFT} is the number of waiters: glibc's {@code SEM_NWAITERS_SHIFT}. */
    public static final int NWAITERS_SHIFT = Integer.SIZE;
    /** One waiter, as a waiter adds it to {@code data}. */
    public static final long ONE_WAITER = 1L << NWAITERS_SHIFT;
    /** The largest value a semaphore can hold: {@code SEM_VALUE_MAX}, {@code INT_MAX} in glibc. */
    public static final int VALUE_MAX = Integer.MAX_VALUE;

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

    private SemT() {
    }

    /** The value held in a {@code data} word. */
    public static long value(long data) {
        return data & VALUE_MASK;
    }

    /** The number of waiters held in a {@code data} word. */
    public static long waiters(long data) {
        return data >>> NWAITERS_SHIFT;
    }

    /** The {@code data} word holding that value and that number of waiters. */
    public static long data(long value, long waiters) {
        return (waiters << NWAITERS_SHIFT) | (value & VALUE_MASK);
    }
}
