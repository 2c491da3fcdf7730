package io.shmlab.api.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The {@code sem_t} descriptor against the C declarations it stands for, laid out by
 * {@link StructLayout} (the tests module checks the same numbers against gcc and glibc).
 */
class SemTTest {

    /** {@code struct new_sem} as glibc 2.36 declares it for 64-bit atomics. */
    private static final StructLayout NEW_SEM = StructLayout.builder("new_sem")
            .field("data", CType.LONG)
            .field("private", CType.INT)
            .field("pad", CType.INT)
            .build();

    /** The two 32-bit halves of {@code data} on a little-endian machine. */
    private static final StructLayout DATA_HALVES = StructLayout.builder("data_halves")
            .field("value", CType.INT)
            .field("nwaiters", CType.INT)
            .build();

    @Test
    void theUnionIsThirtyTwoCharsAlignedAsALong() {
        CType size = CType.array(CType.CHAR, 32);
        assertEquals(Math.max(size.size(), CType.LONG.size()), SemT.SIZE);
        assertEquals(Math.max(size.alignment(), CType.LONG.alignment()), SemT.ALIGNMENT);
        assertEquals(new CType("sem_t", SemT.SIZE, SemT.ALIGNMENT), CType.SEM_T);
        assertTrue(SemT.NEW_SEM.size() <= SemT.SIZE, "glibc's struct fits in the union");
    }

    @Test
    void theFieldsAreWhereTheCStructPutsThem() {
        assertEquals(NEW_SEM.describe(), SemT.NEW_SEM.describe());
        assertEquals(NEW_SEM.offsetOf("data"), SemT.DATA_OFFSET);
        assertEquals(NEW_SEM.field("data").type().size(), SemT.DATA_SIZE);
        assertEquals(NEW_SEM.offsetOf("data") + DATA_HALVES.offsetOf("value"), SemT.VALUE_OFFSET);
        assertEquals(NEW_SEM.offsetOf("data") + DATA_HALVES.offsetOf("nwaiters"), SemT.NWAITERS_OFFSET);
        assertEquals(NEW_SEM.offsetOf("private"), SemT.PRIVATE_OFFSET);
        assertEquals(NEW_SEM.offsetOf("pad"), SemT.INIT_SIZE);
        assertEquals(16, NEW_SEM.size());
        assertEquals(0, SemT.DATA_OFFSET % Long.BYTES, "data is 64-bit aligned for its atomic operations");
    }

    @Test
    void theDataWordHoldsTheValueLowAndTheWaitersHigh() {
        long data = SemT.data(5, 2);
        assertEquals(0x0000_0002_0000_0005L, data);
        assertEquals(5, SemT.value(data));
        assertEquals(2, SemT.waiters(data));
        assertEquals(SemT.data(5, 3), data + SemT.ONE_WAITER);
        assertEquals(SemT.VALUE_MAX, SemT.value(SemT.data(SemT.VALUE_MAX, 1)));
        assertEquals(Integer.MAX_VALUE, SemT.VALUE_MAX);
    }

    @Test
    void theFutexFlagIsGlibcsLllSharedOrLllPrivate() {
        assertEquals(128, SemT.FUTEX_SHARED);
        assertEquals(0, SemT.FUTEX_PRIVATE);
    }
}
