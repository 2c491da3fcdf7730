package io.shmlab.libc;

import io.shmlab.api.layout.SemT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.PosixException;
import io.shmlab.api.Protection;
import io.shmlab.api.Timespec;
import io.shmlab.libc.GlibcLoader.LibC;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * glibc's semaphore algorithm as the native backend makes it, on a sem_t in plain native memory and
 * against a mocked futex system call: which words change, and which futex calls are made.
 */
class SemaphoreProtocolTest {
    private final LibC libc = mock(LibC.class);
    private final IntSupplier errno = mock(IntSupplier.class);
    private final SemaphoreProtocol protocol = new SemaphoreProtocol(new CheckedLibC(libc, errno), new SemaphoreSpin(3), null);
    private long memory;
    private long timespec;
    private NativeSemaphore sem;

    @BeforeEach
    void allocate() {
        memory = NativeMemory.allocate(Limits.PAGE_SIZE);
        timespec = NativeMemory.allocate(TimespecLayout.SIZE);
        NativeMapping mapping = new NativeMapping(memory, Limits.PAGE_SIZE, Protection.PROT_READ | Protection.PROT_WRITE,
                MapFlags.MAP_SHARED | MapFlags.MAP_ANONYMOUS, 0, null, MappedObject.ANONYMOUS, new MappedObjects(null));
        sem = NativeSemaphore.inMapping(mapping, 64);
        NativeMemory.putInt(memory + 64 + SemT.PRIVATE_OFFSET, SemT.FUTEX_SHARED);
    }

    @AfterEach
    void free() {
        NativeMemory.free(memory);
        NativeMemory.free(timespec);
    }

    private void setWord(long waiters, long value) {
        NativeMemory.putLong(memory + 64, (waiters << SemT.NWAITERS_SHIFT) | value);
    }

    private long word() {
        return NativeMemory.getLong(memory + 64);
    }

    private void futexAnswers(Errno error) {
        when(libc.syscall(anyLong(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong(), anyInt())).thenReturn(-1L);
        when(errno.getAsInt()).thenReturn(error.number());
    }

    @Test
    void initStoresTheValueAndTheFlag() {
        setWord(3, 7);
        protocol.init(sem, false, 5);
        assertEquals(5, word(), "the waiter count is reset, whoever waited");
        assertEquals(SemT.FUTEX_PRIVATE, NativeMemory.getInt(memory + 64 + SemT.PRIVATE_OFFSET));
    }

    @Test
    void postWithoutWaitersAddsOneAndMakesNoSystemCall() {
        setWord(0, 3);
        protocol.post(sem);
        assertEquals(4, word());
        verify(libc, never()).syscall(anyLong(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong(), anyInt());
    }

    @Test
    void postWithAWaiterWakesOneOnTheFutexOfItsFlag() {
        setWord(1, 0);
        protocol.post(sem);
        assertEquals((1L << 32) | 1, word(), "the waiter takes itself off the count when it wakes");
        verify(libc).syscall(Futex.SYS_FUTEX, memory + 64, Futex.WAKE, 1, 0, 0, 0);
    }

    @Test
    void postAtTheMaximumIsEoverflowAndStoresNothing() {
        setWord(0, Limits.SEM_VALUE_MAX);
        assertEquals(Errno.EOVERFLOW, assertThrows(PosixException.class, () -> protocol.post(sem)).errno());
        assertEquals(Limits.SEM_VALUE_MAX, word());
    }

    @Test
    void waitOnAPositiveValueTakesOneEvenWithWaitersCounted() {
        setWord(2, 5);
        assertTrue(protocol.tryFastPath(sem, true));
        assertEquals((2L << 32) | 4, word());
    }

    @Test
    void trywaitOnZeroGivesUpWithoutAStore() {
        setWord(0, 0);
        assertFalse(protocol.tryFastPath(sem, true));
        assertEquals(0, word());
    }

    @Test
    void aTimedWaitThatTimesOutSleptOnTheFutexAndLeavesTheCount() {
        setWord(0, 0);
        futexAnswers(Errno.ETIMEDOUT);
        assertFalse(protocol.sleepUntilTaken(sem, new Timespec(5, 6), timespec, "sem_timedwait"));
        assertEquals(0, word());
        verify(libc).syscall(Futex.SYS_FUTEX, memory + 64, Futex.WAIT_BITSET | Futex.CLOCK_REALTIME, 0, timespec, 0,
                Futex.BITSET_MATCH_ANY);
        assertEquals(new Timespec(5, 6), TimespecLayout.get(timespec));
    }

    @Test
    void aDeadlineBeforeTheEpochTimesOutWithoutASystemCall() {
        setWord(0, 0);
        assertFalse(protocol.sleepUntilTaken(sem, new Timespec(-1, 0), timespec, "sem_timedwait"));
        assertEquals(0, word());
        verify(libc, never()).syscall(anyLong(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong(), anyInt());
    }

    @Test
    void aWokenWaiterTakesTheTokenAndLeavesTheCountInOneStep() {
        setWord(0, 0);
        when(libc.syscall(anyLong(), anyLong(), anyInt(), anyInt(), eq(0L), anyLong(), anyInt())).thenAnswer(call -> {
            NativeMemory.putLong(memory + 64, (1L << 32) | 1); // a post came
            return 0L;
        });
        assertTrue(protocol.sleepUntilTaken(sem, null, timespec, "sem_wait"));
        assertEquals(0, word());
    }

    @Test
    void aFutexWordTheKernelCannotReadIsSigbus() {
        setWord(0, 0);
        futexAnswers(Errno.EFAULT);
        BusError fault = assertThrows(BusError.class, () -> protocol.sleepUntilTaken(sem, null, timespec, "sem_wait"));
        assertEquals(FaultKind.PAST_END_OF_OBJECT, fault.kind());
        assertEquals(Access.READ, fault.access());
    }

    @Test
    void aGarbageFutexFlagIsEinvalAndTheCountIsGivenBack() {
        setWord(0, 0);
        NativeMemory.putInt(memory + 64 + SemT.PRIVATE_OFFSET, 7);
        assertEquals(Errno.EINVAL,
                assertThrows(PosixException.class, () -> protocol.sleepUntilTaken(sem, null, timespec, "sem_wait")).errno());
        assertEquals(0, word());
    }

    @Test
    void aSpinOnZeroGivesUpAfterItsPolls() {
        setWord(0, 0);
        assertFalse(protocol.spin(sem));
        assertEquals(0, word());
    }

    @Test
    void aSpinTakesATokenLikeTheFastPath() {
        setWord(0, 2);
        assertTrue(protocol.spin(sem));
        assertEquals(1, word());
    }

    @Test
    @Timeout(60)
    void aSpinTakesTheTokenAnotherThreadPostsMeanwhile() throws InterruptedException {
        SemaphoreSpin patient = new SemaphoreSpin(Integer.MAX_VALUE);
        setWord(0, 0);
        Thread poster = new Thread(() -> {
            LockSupport.parkNanos(20_000_000);
            protocol.post(sem);
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
        SemaphoreSpin patient = new SemaphoreSpin(Integer.MAX_VALUE);
        setWord(1, 0);
        assertFalse(patient.spinToDecrement(sem));
        assertEquals(1L << 32, word(), "untouched, so the wait counts itself and sleeps");
    }

    @Test
    void glibcsOwnBehaviourIsZeroSpins() {
        setWord(0, 1);
        assertFalse(new SemaphoreSpin(0).spinToDecrement(sem), "no poll at all: the fast path was the one attempt");
        assertEquals(1, word());
        assertThrows(IllegalArgumentException.class, () -> new SemaphoreSpin(-1));
    }

    @Test
    void theSpinSettingIsANumberOfPollsOrRefused() {
        try {
            System.clearProperty(NativeSettings.SEMAPHORE_SPINS);
            assertEquals(SemaphoreSpin.DEFAULT_SPINS, NativeSettings.fromSystemProperties().semaphoreSpins());
            System.setProperty(NativeSettings.SEMAPHORE_SPINS, "0");
            assertEquals(0, NativeSettings.fromSystemProperties().semaphoreSpins());
            for (String bad : new String[] {"-1", "many", ""}) {
                System.setProperty(NativeSettings.SEMAPHORE_SPINS, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NativeSettings::fromSystemProperties);
                assertTrue(e.getMessage().contains(NativeSettings.SEMAPHORE_SPINS + "=" + bad), e.getMessage());
                assertEquals(e.getMessage(), NativeSettings.problemInSystemProperties(), "the backend refuses to boot so");
            }
        } finally {
            System.clearProperty(NativeSettings.SEMAPHORE_SPINS);
        }
    }

    @Test
    void theSemTLayoutIsGlibcsFrom221() {
        assertTrue(GlibcLoader.atLeast("2.36", 2, 21));
        assertTrue(GlibcLoader.atLeast("2.21", 2, 21));
        assertTrue(GlibcLoader.atLeast("3.0", 2, 21));
        assertFalse(GlibcLoader.atLeast("2.20", 2, 21));
        assertFalse(GlibcLoader.atLeast("weird", 2, 21));
        assertFalse(GlibcLoader.atLeast(null, 2, 21));
    }
}
