package io.shmlab.libc;

import io.shmlab.api.layout.SemT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.shmlab.api.Errno;
import io.shmlab.api.PosixException;
import io.shmlab.libc.GlibcLoader.LibC;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The errno boundary and the EINTR retry, against a mocked glibc: no kernel involved. */
@ExtendWith(MockitoExtension.class)
class CheckedLibCTest {
    private static final long SEM = 0x7f00_0000_1000L;
    private static final long DEADLINE = 0x7f00_0000_2000L;
    private static final int OP = Futex.waitOperation(SemT.FUTEX_SHARED);

    @Mock
    private LibC libc;
    @Mock
    private IntSupplier errno;

    private CheckedLibC checked;

    @BeforeEach
    void setUp() {
        checked = new CheckedLibC(libc, errno);
    }

    @Test
    void failedShmOpenBecomesPosixExceptionWithErrnoCallAndQuotedName() {
        when(libc.shm_open("/os_cp", 0302, 0600)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EEXIST.number());

        PosixException e = assertThrows(PosixException.class, () -> checked.shmOpen("/os_cp", 0302, 0600));

        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("shm_open", e.call());
        assertEquals("shm_open(\"/os_cp\"): EEXIST (File exists)", e.getMessage());
    }

    @Test
    void everyFailingCallIsTranslatedTheSameWay() {
        when(errno.getAsInt()).thenReturn(Errno.EBADF.number());
        when(libc.ftruncate(7, 10)).thenReturn(-1);
        when(libc.close(7)).thenReturn(-1);
        when(libc.fstat(7, 0x1000)).thenReturn(-1);
        when(libc.sem_close(SEM)).thenReturn(-1);
        when(libc.munmap(SEM, 4096)).thenReturn(-1);

        assertEquals("ftruncate(\"/x\"): EBADF (Bad file descriptor)",
                assertThrows(PosixException.class, () -> checked.ftruncate(7, 10, "\"/x\"")).getMessage());
        assertEquals("close: EBADF (Bad file descriptor)",
                assertThrows(PosixException.class, () -> checked.close(7, null)).getMessage());
        assertEquals(Errno.EBADF, assertThrows(PosixException.class, () -> checked.fstat(7, 0x1000, null)).errno());
        assertEquals("sem_close", assertThrows(PosixException.class, () -> checked.semClose(SEM, null)).call());
        assertEquals("munmap", assertThrows(PosixException.class, () -> checked.munmap(SEM, 4096, null)).call());
    }

    @Test
    void anErrnoTheEnumDoesNotListKeepsItsNumber() {
        when(libc.shm_unlink("/x")).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(122);

        PosixException e = assertThrows(PosixException.class, () -> checked.shmUnlink("/x"));

        assertEquals(Errno.UNKNOWN, e.errno());
        assertEquals(122, e.number());
        assertEquals("shm_unlink(\"/x\"): errno 122 (Unknown error)", e.getMessage());
    }

    @Test
    void mapFailedAndSemFailedAreFailuresAndOtherValuesAreResults() {
        when(libc.mmap(any(), eq(4096L), eq(3), eq(1), eq(5), eq(0L))).thenReturn(-1L).thenReturn(0x7f00_0000_0000L);
        when(libc.sem_open("/s", 0100, 0600, 1)).thenReturn(0L).thenReturn(SEM);
        when(errno.getAsInt()).thenReturn(Errno.EACCES.number());

        assertEquals(Errno.EACCES, assertThrows(PosixException.class, () -> checked.mmap(4096, 3, 1, 5, 0, null)).errno());
        assertEquals(0x7f00_0000_0000L, checked.mmap(4096, 3, 1, 5, 0, null));
        assertEquals("sem_open(\"/s\"): EACCES (Permission denied)",
                assertThrows(PosixException.class, () -> checked.semOpen("/s", 0100, 0600, 1)).getMessage());
        assertEquals(SEM, checked.semOpen("/s", 0100, 0600, 1));
    }

    @Test
    void aFutexWaitInterruptedBySignalsWaitsAgainWithTheSameDeadline() {
        when(libc.syscall(Futex.SYS_FUTEX, SEM, OP, 0, DEADLINE, 0, Futex.BITSET_MATCH_ANY)).thenReturn(-1L, -1L, 0L);
        when(errno.getAsInt()).thenReturn(Errno.EINTR.number());

        assertEquals(Futex.Wait.WOKEN, checked.futexWait(SEM, 0, OP, DEADLINE));

        verify(libc, times(3)).syscall(Futex.SYS_FUTEX, SEM, OP, 0, DEADLINE, 0, Futex.BITSET_MATCH_ANY);
    }

    @Test
    void eachFutexWaitOutcomeGlibcTellsApartIsReturned() {
        when(libc.syscall(anyLong(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong(), anyInt())).thenReturn(-1L);
        when(errno.getAsInt()).thenReturn(Errno.EAGAIN.number(), Errno.ETIMEDOUT.number(), Errno.EINVAL.number(),
                Errno.EFAULT.number(), Errno.ENOSYS.number());

        assertEquals(Futex.Wait.VALUE_CHANGED, checked.futexWait(SEM, 0, OP, 0));
        assertEquals(Futex.Wait.TIMED_OUT, checked.futexWait(SEM, 0, OP, 0));
        assertEquals(Futex.Wait.REFUSED, checked.futexWait(SEM, 0, OP, 0));
        assertEquals(Futex.Wait.PAGE_GONE, checked.futexWait(SEM, 0, OP, 0));
        PosixException e = assertThrows(PosixException.class, () -> checked.futexWait(SEM, 0, OP, 0));
        assertEquals(Errno.ENOSYS, e.errno());
        assertEquals("futex", e.call());
    }

    @Test
    void aFutexWakeIgnoresWhatGlibcIgnores() {
        when(libc.syscall(Futex.SYS_FUTEX, SEM, Futex.WAKE, 1, 0, 0, 0)).thenReturn(1L, -1L, -1L, -1L);
        when(errno.getAsInt()).thenReturn(Errno.EFAULT.number(), Errno.EINVAL.number(), Errno.ENOSYS.number());

        checked.futexWake(SEM, 1, Futex.WAKE);
        checked.futexWake(SEM, 1, Futex.WAKE);
        checked.futexWake(SEM, 1, Futex.WAKE);
        assertEquals(Errno.ENOSYS, assertThrows(PosixException.class, () -> checked.futexWake(SEM, 1, Futex.WAKE)).errno());
    }

    @Test
    void glibcsSemaphoreOperationsUseTheFlagInPrivateAsGlibcDoes() {
        assertEquals(Futex.WAKE | Futex.PRIVATE_FLAG, Futex.wakeOperation(SemT.FUTEX_PRIVATE));
        assertEquals(Futex.WAKE, Futex.wakeOperation(SemT.FUTEX_SHARED));
        assertEquals(Futex.WAIT_BITSET | Futex.CLOCK_REALTIME, Futex.waitOperation(SemT.FUTEX_SHARED));
    }

    @Test
    void posixFallocateReturnsItsErrorAndIsRetriedOnEintrWithoutReadingErrno() {
        when(libc.posix_fallocate(3, 0, 100)).thenReturn(Errno.EINTR.number(), Errno.ENODEV.number());

        PosixException e = assertThrows(PosixException.class, () -> checked.posixFallocate(3, 0, 100, "\"/x\""));

        assertEquals(Errno.ENODEV, e.errno());
        assertEquals("posix_fallocate", e.call());
        verify(libc, times(2)).posix_fallocate(3, 0, 100);
        verifyNoInteractions(errno);
    }

    @Test
    void sleepInterruptedBySignalsSleepsAgainUntilTheSameDeadline() {
        when(libc.clock_nanosleep(CheckedLibC.CLOCK_MONOTONIC, CheckedLibC.TIMER_ABSTIME, DEADLINE, 0L))
                .thenReturn(Errno.EINTR.number(), Errno.EINTR.number(), 0);

        checked.sleepUntil(CheckedLibC.CLOCK_MONOTONIC, DEADLINE);

        verify(libc, times(3)).clock_nanosleep(anyInt(), anyInt(), eq(DEADLINE), eq(0L));
    }

    @Test
    void untilNotInterruptedReturnsTheFirstNonEintrResult() {
        int[] calls = {0};
        int result = CheckedLibC.untilNotInterrupted(() -> ++calls[0] < 4 ? Errno.EINTR.number() : Errno.EAGAIN.number());
        assertEquals(Errno.EAGAIN.number(), result);
        assertEquals(4, calls[0]);
        assertEquals(0, CheckedLibC.untilNotInterrupted(() -> 0));
    }
}
