package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
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
    void semWaitThatSucceedsOnTheFastPathNeverReadsErrno() {
        when(libc.fast_sem_wait(SEM)).thenReturn(0);
        when(libc.fast_sem_post(SEM)).thenReturn(0);
        when(libc.fast_sem_trywait(SEM)).thenReturn(0);

        checked.semWait(SEM, null);
        checked.semPost(SEM, null);
        assertTrue(checked.semTrywait(SEM, null));

        verifyNoInteractions(errno);
        verify(libc, never()).sem_wait(anyLong());
        verify(libc, never()).sem_post(anyLong());
    }

    @Test
    void semWaitInterruptedBySignalsIsMadeAgainUntilItSucceeds() {
        when(libc.fast_sem_wait(SEM)).thenReturn(-1);
        when(libc.sem_wait(SEM)).thenReturn(-1, -1, 0);
        when(errno.getAsInt()).thenReturn(Errno.EINTR.number());

        checked.semWait(SEM, "\"/s\"");

        verify(libc, times(3)).sem_wait(SEM);
    }

    @Test
    void semWaitFailingWithAnythingButEintrThrows() {
        when(libc.fast_sem_wait(SEM)).thenReturn(-1);
        when(libc.sem_wait(SEM)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EINTR.number(), Errno.EINVAL.number());

        PosixException e = assertThrows(PosixException.class, () -> checked.semWait(SEM, "0x7f0000001000"));

        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("sem_wait(0x7f0000001000): EINVAL (Invalid argument)", e.getMessage());
        verify(libc, times(2)).sem_wait(SEM);
    }

    @Test
    void semTimedwaitIsRetriedWithTheSameAbsoluteDeadlineAndATimeoutIsFalse() {
        when(libc.sem_timedwait(SEM, DEADLINE)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EINTR.number(), Errno.EINTR.number(), Errno.ETIMEDOUT.number());

        assertFalse(checked.semTimedwait(SEM, DEADLINE, null));

        verify(libc, times(3)).sem_timedwait(SEM, DEADLINE);
    }

    @Test
    void semTimedwaitWithBadNanosecondsIsEinval() {
        when(libc.sem_timedwait(SEM, DEADLINE)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EINVAL.number());

        assertEquals(Errno.EINVAL, assertThrows(PosixException.class, () -> checked.semTimedwait(SEM, DEADLINE, null)).errno());
    }

    @Test
    void semTrywaitOnZeroIsFalseNotAnException() {
        when(libc.fast_sem_trywait(SEM)).thenReturn(-1);
        when(libc.sem_trywait(SEM)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EAGAIN.number());

        assertFalse(checked.semTrywait(SEM, null));
    }

    @Test
    void semTrywaitThatFailsFastButSucceedsWhenRepeatedIsTrue() {
        when(libc.fast_sem_trywait(SEM)).thenReturn(-1);
        when(libc.sem_trywait(SEM)).thenReturn(0);

        assertTrue(checked.semTrywait(SEM, null));
        verifyNoInteractions(errno);
    }

    @Test
    void semPostFailingOnTheFastPathIsRepeatedToLearnErrno() {
        when(libc.fast_sem_post(SEM)).thenReturn(-1);
        when(libc.sem_post(SEM)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EOVERFLOW.number());

        PosixException e = assertThrows(PosixException.class, () -> checked.semPost(SEM, null));

        assertEquals(Errno.EOVERFLOW, e.errno());
        verify(libc).sem_post(SEM);
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

    @Test
    void semGetvalueFailureIsTranslated() {
        when(libc.sem_getvalue(SEM, DEADLINE)).thenReturn(-1);
        when(errno.getAsInt()).thenReturn(Errno.EINVAL.number());

        PosixException e = assertThrows(PosixException.class, () -> checked.semGetvalue(SEM, DEADLINE, null));
        assertEquals("sem_getvalue: EINVAL (Invalid argument)", e.getMessage());
        assertNull(e.argument());
    }
}
