package io.shmlab.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;

/** A clean-up's unlink: a missing name is no error, any other failure is. */
class UnlinkTest {
    private final Os os = mock(Os.class);

    @Test
    void aNameThatIsThereIsRemoved() {
        assertTrue(Unlink.shmIfPresent(os, "/there"));
        assertTrue(Unlink.semIfPresent(os, "/there"));
        verify(os).shmUnlink("/there");
        verify(os).semUnlink("/there");
    }

    @Test
    void aNameThatIsNotThereIsNoError() {
        doThrow(new PosixException(Errno.ENOENT, "shm_unlink", "/gone")).when(os).shmUnlink("/gone");
        doThrow(new PosixException(Errno.ENOENT, "sem_unlink", "/gone")).when(os).semUnlink("/gone");
        assertFalse(Unlink.shmIfPresent(os, "/gone"));
        assertFalse(Unlink.semIfPresent(os, "/gone"));
    }

    @Test
    void anyOtherFailureIsThrown() {
        PosixException refused = new PosixException(Errno.EACCES, "shm_unlink", "/theirs");
        doThrow(refused).when(os).shmUnlink("/theirs");
        assertSame(refused, assertThrows(PosixException.class, () -> Unlink.shmIfPresent(os, "/theirs")));
        PosixException bad = new PosixException(Errno.EINVAL, "sem_unlink", "/");
        doThrow(bad).when(os).semUnlink("/");
        assertSame(bad, assertThrows(PosixException.class, () -> Unlink.semIfPresent(os, "/")));
    }
}
