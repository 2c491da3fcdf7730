package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** glibc's uncontended semaphore protocol, on a sem_t in plain native memory (no glibc call). */
class SemaphoreFastPathTest {
    private final SemaphoreFastPath fast = new SemaphoreFastPath(true);
    private long sem;

    @BeforeEach
    void allocate() {
        sem = NativeMemory.allocate(SemTLayout.SIZE);
    }

    @AfterEach
    void free() {
        NativeMemory.free(sem);
    }

    private void setWord(long waiters, long value) {
        NativeMemory.putLong(sem + SemTLayout.DATA_OFFSET, (waiters << SemTLayout.NWAITERS_SHIFT) | value);
    }

    private long word() {
        return NativeMemory.getLong(sem + SemTLayout.DATA_OFFSET);
    }

    @Test
    void postWithoutWaitersAddsOneToTheValue() {
        setWord(0, 3);
        assertTrue(fast.tryPost(sem));
        assertEquals(4, word());
    }

    @Test
    void postWithAWaiterIsLeftToGlibcWhichMustWakeIt() {
        setWord(1, 0);
        assertFalse(fast.tryPost(sem));
        assertEquals(1L << 32, word(), "untouched");
    }

    @Test
    void postAtTheMaximumIsLeftToGlibcWhichAnswersEoverflow() {
        setWord(0, Limits.SEM_VALUE_MAX);
        assertFalse(fast.tryPost(sem));
        assertEquals(Limits.SEM_VALUE_MAX, word());
    }

    @Test
    void waitOnAPositiveValueTakesOneEvenWithWaitersCounted() {
        setWord(2, 5);
        assertTrue(fast.tryDecrement(sem));
        assertEquals((2L << 32) | 4, word());
    }

    @Test
    void waitOnZeroIsLeftToGlibcWhichBlocks() {
        setWord(0, 0);
        assertFalse(fast.tryDecrement(sem));
        assertEquals(0, word());
    }

    @Test
    void aDisabledFastPathLeavesEverythingToGlibc() {
        SemaphoreFastPath off = new SemaphoreFastPath(false);
        setWord(0, 1);
        assertFalse(off.tryPost(sem));
        assertFalse(off.tryDecrement(sem));
        assertEquals(1, word());
    }

    @Test
    void enabledOnlyFromGlibc221() {
        assertTrue(SemaphoreFastPath.forGlibc("2.36").enabled());
        assertTrue(SemaphoreFastPath.forGlibc("2.21").enabled());
        assertTrue(SemaphoreFastPath.forGlibc("3.0").enabled());
        assertFalse(SemaphoreFastPath.forGlibc("2.20").enabled());
        assertFalse(SemaphoreFastPath.forGlibc("2.17").enabled());
        assertFalse(SemaphoreFastPath.forGlibc("weird").enabled());
        assertFalse(SemaphoreFastPath.forGlibc(null).enabled());
    }
}
