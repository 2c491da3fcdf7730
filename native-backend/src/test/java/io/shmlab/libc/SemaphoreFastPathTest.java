package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Limits;
import io.shmlab.api.layout.SemT;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** glibc's uncontended semaphore protocol, on a sem_t in plain native memory (no glibc call). */
class SemaphoreFastPathTest {
    private final SemaphoreFastPath fast = new SemaphoreFastPath(true, 3);
    private long sem;

    @BeforeEach
    void allocate() {
        sem = NativeMemory.allocate(SemT.SIZE);
    }

    @AfterEach
    void free() {
        NativeMemory.free(sem);
    }

    private void setWord(long waiters, long value) {
        NativeMemory.putLong(sem + SemT.DATA_OFFSET, SemT.data(value, waiters));
    }

    private long word() {
        return NativeMemory.getLong(sem + SemT.DATA_OFFSET);
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
        assertEquals(SemT.data(0, 1), word(), "untouched");
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
        assertEquals(SemT.data(4, 2), word());
    }

    @Test
    void waitOnZeroIsLeftToGlibcWhichBlocks() {
        setWord(0, 0);
        assertFalse(fast.tryDecrement(sem));
        assertEquals(0, word());
    }

    @Test
    void aDisabledFastPathLeavesEverythingToGlibc() {
        SemaphoreFastPath off = new SemaphoreFastPath(false, 3);
        setWord(0, 1);
        assertFalse(off.tryPost(sem));
        assertFalse(off.tryDecrement(sem));
        assertFalse(off.spinToDecrement(sem));
        assertEquals(1, word());
    }

    @Test
    void aSpinOnZeroGivesUpAfterItsPollsLeavingTheWordToGlibc() {
        setWord(0, 0);
        assertFalse(fast.spinToDecrement(sem));
        assertEquals(0, word());
    }

    @Test
    void aSpinTakesATokenLikeTheFastPath() {
        setWord(0, 2);
        assertTrue(fast.spinToDecrement(sem));
        assertEquals(1, word());
    }

    @Test
    @Timeout(60)
    void aSpinTakesTheTokenAnotherThreadPostsMeanwhile() throws InterruptedException {
        SemaphoreFastPath patient = new SemaphoreFastPath(true, Integer.MAX_VALUE);
        setWord(0, 0);
        Thread poster = new Thread(() -> {
            LockSupport.parkNanos(20_000_000);
            assertTrue(fast.tryPost(sem));
        });
        poster.start();
        assertTrue(patient.spinToDecrement(sem), "it polls until the post");
        poster.join();
        assertEquals(0, word());
    }

    @Test
    @Timeout(60)
    void aSpinGivesUpAtOnceWhenSomeoneSleepsOnTheSemaphore() {
        // without the waiter test this would poll 2^31 times (minutes), and time out
        SemaphoreFastPath patient = new SemaphoreFastPath(true, Integer.MAX_VALUE);
        setWord(1, 0);
        assertFalse(patient.spinToDecrement(sem));
        assertEquals(SemT.data(0, 1), word(), "untouched, so glibc counts the new waiter and sleeps");
    }

    @Test
    void glibcsOwnBehaviourIsZeroSpins() {
        SemaphoreFastPath none = new SemaphoreFastPath(true, 0);
        setWord(0, 1);
        assertFalse(none.spinToDecrement(sem), "no poll at all: the fast path was the one attempt");
        assertEquals(1, word());
        assertThrows(IllegalArgumentException.class, () -> new SemaphoreFastPath(true, -1));
    }

    @Test
    void theSpinSettingIsANumberOfPollsOrRefused() {
        try {
            System.clearProperty(NativeSettings.SEMAPHORE_SPINS);
            assertEquals(SemaphoreFastPath.DEFAULT_SPINS, NativeSettings.fromSystemProperties().semaphoreSpins());
            System.setProperty(NativeSettings.SEMAPHORE_SPINS, "0");
            assertEquals(0, NativeSettings.fromSystemProperties().semaphoreSpins());
            for (String bad : new String[] {"-1", "many", ""}) {
                System.setProperty(NativeSettings.SEMAPHORE_SPINS, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NativeSettings::fromSystemProperties);
                assertTrue(e.getMessage().contains(NativeSettings.SEMAPHORE_SPINS + "=" + bad), e.getMessage());
                assertEquals(e.getMessage(), new NativeBackend().unavailableReason(), "the backend refuses to boot so");
            }
        } finally {
            System.clearProperty(NativeSettings.SEMAPHORE_SPINS);
        }
    }

    @Test
    void theFastPathSettingIsOnUnlessFalse() {
        try {
            System.clearProperty(NativeSettings.SEMAPHORE_FAST_PATH);
            assertTrue(NativeSettings.fromSystemProperties().semaphoreFastPath());
            System.setProperty(NativeSettings.SEMAPHORE_FAST_PATH, "FALSE");
            assertFalse(NativeSettings.fromSystemProperties().semaphoreFastPath());
            assertFalse(SemaphoreFastPath.forGlibc("2.36", NativeSettings.fromSystemProperties()).enabled());
        } finally {
            System.clearProperty(NativeSettings.SEMAPHORE_FAST_PATH);
        }
    }

    @Test
    void enabledOnlyFromGlibc221() {
        NativeSettings on = new NativeSettings(true, SemaphoreFastPath.DEFAULT_SPINS);
        assertTrue(SemaphoreFastPath.forGlibc("2.36", on).enabled());
        assertTrue(SemaphoreFastPath.forGlibc("2.21", on).enabled());
        assertTrue(SemaphoreFastPath.forGlibc("3.0", on).enabled());
        assertFalse(SemaphoreFastPath.forGlibc("2.20", on).enabled());
        assertFalse(SemaphoreFastPath.forGlibc("2.17", on).enabled());
        assertFalse(SemaphoreFastPath.forGlibc("weird", on).enabled());
        assertFalse(SemaphoreFastPath.forGlibc(null, on).enabled());
    }
}
