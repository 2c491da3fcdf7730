package io.shmlab.libc;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_TRUNC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A program's handle that tells the names its calls made, and only those, with the calls' outcomes unchanged. */
class MadeNamesOsTest {
    private final String object = "/shmlab-made-test-" + UUID.randomUUID();
    private final String semaphore = "/shmlab-made-test-" + UUID.randomUUID();
    private final List<String> made = new ArrayList<>();
    private Os plain;
    private Os os;

    @BeforeEach
    void boot() {
        NativeBackend backend = new NativeBackend();
        assumeTrue(backend.unavailableReason() == null, backend.unavailableReason());
        plain = backend.boot().spawn();
        os = new MadeNamesOs(plain, made::add);
    }

    @AfterEach
    void removeNames() {
        if (plain != null) {
            Unlink.shmIfPresent(plain, object);
            Unlink.semIfPresent(plain, semaphore);
        }
    }

    @Test
    void anOpenWithOCreatThatMakesTheObjectTellsIt() {
        os.close(os.shmOpen(object, O_RDWR | O_CREAT, 0600));
        assertEquals(List.of(ShmNamespace.objectFile(object)), made);
    }

    @Test
    void anOpenWithOCreatOfAnObjectThatExistsOpensItAndTellsNothing() {
        plain.close(plain.shmOpen(object, O_RDWR | O_CREAT, 0600));
        OpenFile file = os.shmOpen(object, O_RDWR | O_CREAT, 0600);
        os.ftruncate(file, 8);
        os.close(file);
        OpenFile truncated = os.shmOpen(object, O_RDWR | O_CREAT | O_TRUNC, 0600);
        assertEquals(0, os.fstat(truncated).size(), "O_TRUNC of the program's own call is applied");
        os.close(truncated);
        assertEquals(List.of(), made);
    }

    @Test
    void theProgramsOwnOExclStillFailsWithEexistOnAnObjectThatExists() {
        plain.close(plain.shmOpen(object, O_RDWR | O_CREAT, 0600));
        PosixException e = assertThrows(PosixException.class, () -> os.shmOpen(object, O_RDWR | O_CREAT | O_EXCL, 0600));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals(List.of(), made);
    }

    @Test
    void anOpenWithoutOCreatTellsNothingAndFailsAsItWould() {
        PosixException e = assertThrows(PosixException.class, () -> os.shmOpen(object, O_RDWR, 0));
        assertEquals(Errno.ENOENT, e.errno());
        plain.close(plain.shmOpen(object, O_RDWR | O_CREAT, 0600));
        os.close(os.shmOpen(object, O_RDWR, 0));
        assertEquals(List.of(), made);
    }

    @Test
    void aSemaphoreMadeIsToldOnceAndOpeningItAgainTellsNothing() {
        Semaphore first = os.semOpen(semaphore, O_CREAT, 0600, 1);
        Semaphore again = os.semOpen(semaphore, O_CREAT, 0600, 5);
        assertEquals(1, os.semGetvalue(again), "the second open found the first's semaphore");
        os.semClose(first);
        os.semClose(again);
        assertEquals(List.of(ShmNamespace.semaphoreFile(semaphore)), made);
    }

    @Test
    void aValueTooBigOpensASemaphoreThatExistsAsGlibcDoes() {
        plain.semClose(plain.semOpen(semaphore, O_CREAT, 0600, 2));
        // glibc checks the value only when it creates: the program's call opens what exists
        Semaphore sem = os.semOpen(semaphore, O_CREAT, 0600, Limits.SEM_VALUE_MAX + 1L);
        assertEquals(2, os.semGetvalue(sem));
        os.semClose(sem);
        assertEquals(List.of(), made);
        Unlink.semIfPresent(plain, semaphore);
        PosixException e = assertThrows(PosixException.class, () -> os.semOpen(semaphore, O_CREAT, 0600, Limits.SEM_VALUE_MAX + 1L));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(List.of(), made);
    }
}
