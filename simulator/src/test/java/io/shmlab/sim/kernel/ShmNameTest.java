package io.shmlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Errno;
import io.shmlab.api.PosixException;
import org.junit.jupiter.api.Test;

/** The boundaries measured on Linux with glibc 2.36. */
class ShmNameTest {
    private static Errno shmOpen(String name) {
        return assertThrows(PosixException.class, () -> ShmName.objectFile(name, Errno.EINVAL, "shm_open")).errno();
    }

    private static Errno semOpen(String name) {
        return assertThrows(PosixException.class,
                () -> ShmName.semaphoreFile(name, Errno.EINVAL, "sem_open")).errno();
    }

    @Test
    void leadingSlashesAreStripped() {
        assertEquals("x", ShmName.objectFile("///x", Errno.EINVAL, "shm_open"));
        assertEquals("sem.x", ShmName.semaphoreFile("x", Errno.EINVAL, "sem_open"));
        assertEquals("sem..", ShmName.semaphoreFile("/.", Errno.EINVAL, "sem_open"));
    }

    @Test
    void lengthsHaveThreeBands() {
        assertEquals("a".repeat(255), ShmName.objectFile("/" + "a".repeat(255), Errno.EINVAL, "shm_open"));
        assertEquals(Errno.ENAMETOOLONG, shmOpen("/" + "a".repeat(256)));
        assertEquals(Errno.ENAMETOOLONG, shmOpen("/" + "a".repeat(259)));
        assertEquals(Errno.EINVAL, shmOpen("/" + "a".repeat(260)));
        assertEquals(Errno.ENAMETOOLONG, semOpen("/" + "a".repeat(252)));
        assertEquals(Errno.ENAMETOOLONG, semOpen("/" + "a".repeat(255)));
        assertEquals(Errno.EINVAL, semOpen("/" + "a".repeat(256)));
    }

    @Test
    void dotsAreRefusedByShmOpenAndAreDirectoriesToShmUnlink() {
        assertEquals(Errno.EINVAL, shmOpen("/."));
        assertEquals(Errno.EINVAL, shmOpen("/.."));
        assertEquals(Errno.EISDIR, assertThrows(PosixException.class,
                () -> ShmName.objectFile("/..", Errno.ENOENT, "shm_unlink")).errno());
        assertEquals("...", ShmName.objectFile("/...", Errno.EINVAL, "shm_open"));
    }
}
