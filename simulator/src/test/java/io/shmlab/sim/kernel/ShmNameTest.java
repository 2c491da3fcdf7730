package io.shmlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Errno;
import io.shmlab.api.PosixException;
import org.junit.jupiter.api.Test;

/** The boundaries measured on Linux with glibc 2.36. */
class ShmNameTest {
    private static Errno shmOpen(String name) {
        return assertThrows(PosixException.class, () -> ShmName.fileName(name, "", Errno.EINVAL, "shm_open")).errno();
    }

    private static Errno semOpen(String name) {
        return assertThrows(PosixException.class,
                () -> ShmName.fileName(name, ShmName.SEMAPHORE_PREFIX, Errno.EINVAL, "sem_open")).errno();
    }

    @Test
    void leadingSlashesAreStripped() {
        assertEquals("x", ShmName.fileName("///x", "", Errno.EINVAL, "shm_open"));
        assertEquals("sem.x", ShmName.fileName("x", ShmName.SEMAPHORE_PREFIX, Errno.EINVAL, "sem_open"));
        assertEquals("sem..", ShmName.fileName("/.", ShmName.SEMAPHORE_PREFIX, Errno.EINVAL, "sem_open"));
    }

    @Test
    void lengthsHaveThreeBands() {
        assertEquals("a".repeat(255), ShmName.fileName("/" + "a".repeat(255), "", Errno.EINVAL, "shm_open"));
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
                () -> ShmName.fileName("/..", "", Errno.ENOENT, "shm_unlink")).errno());
        assertEquals("...", ShmName.fileName("/...", "", Errno.EINVAL, "shm_open"));
    }
}
