package io.shmlab.sim;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_TRUNC;
import static io.shmlab.api.OpenFlags.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.Protection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedMemoryNamespaceTest {
    private final SimMachine machine = SimMachine.builder().build();
    private final SimOs os = machine.spawn();

    @AfterEach
    void close() {
        machine.close();
    }

    private static Errno errno(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(PosixException.class, call).errno();
    }

    @Test
    void createThenOpenSeesTheSameObject() {
        OpenFile a = os.shmOpen("/os_cp", O_CREAT | O_RDWR, 0600);
        os.ftruncate(a, 1024);
        SimOs other = machine.spawn();
        OpenFile b = other.shmOpen("/os_cp", O_RDWR, 0);
        assertEquals(1024, other.fstat(b).size());
        assertEquals(3, a.fd());
        assertEquals(3, b.fd());
        assertEquals(List.of("os_cp"), machine.listShm());
    }

    @Test
    void exclusiveCreateOfAnExistingNameIsEexist() {
        os.shmOpen("/x", O_CREAT | O_RDWR, 0600);
        PosixException e = assertThrows(PosixException.class, () -> os.shmOpen("/x", O_CREAT | O_EXCL | O_RDWR, 0600));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("shm_open(\"/x\"): EEXIST (File exists)", e.getMessage());
    }

    @Test
    void openingAMissingNameIsEnoent() {
        assertEquals(Errno.ENOENT, errno(() -> os.shmOpen("/missing", O_RDWR, 0)));
        assertEquals(Errno.ENOENT, errno(() -> os.shmUnlink("/missing")));
    }

    @Test
    void nameRulesAreGlibcs() {
        assertEquals(Errno.EINVAL, errno(() -> os.shmOpen("", O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.EINVAL, errno(() -> os.shmOpen("/", O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.EINVAL, errno(() -> os.shmOpen("/a/b", O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.ENOENT, errno(() -> os.shmUnlink("/a/b")));
        assertEquals(Errno.ENOENT, errno(() -> os.shmUnlink("")));
        os.shmOpen("//lead", O_CREAT | O_RDWR, 0600);
        os.shmOpen("noslash", O_CREAT | O_RDWR, 0600);
        assertEquals(List.of("lead", "noslash"), machine.listShm());
        os.shmOpen("/" + "a".repeat(255), O_CREAT | O_RDWR, 0600);
        assertEquals(Errno.ENAMETOOLONG, errno(() -> os.shmOpen("/" + "a".repeat(256), O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.ENAMETOOLONG, errno(() -> os.shmOpen("/" + "a".repeat(259), O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.EINVAL, errno(() -> os.shmOpen("/" + "a".repeat(260), O_CREAT | O_RDWR, 0600)));
        assertEquals(Errno.ENOENT, errno(() -> os.shmUnlink("/" + "a".repeat(260))));
    }

    @Test
    void unlinkedObjectLivesOnWhileMapped() {
        OpenFile fd = os.shmOpen("/gone", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 100);
        Mapping m = os.mmap(100, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        os.shmUnlink("/gone");
        assertEquals(List.of(), machine.listShm());
        m.putInt(0, 42);
        assertEquals(42, m.getInt(0));
        assertEquals(Errno.ENOENT, errno(() -> os.shmOpen("/gone", O_RDWR, 0)));
    }

    @Test
    void modeIsMaskedByTheUmaskAndRefusesAnotherUser() {
        OpenFile fd = os.shmOpen("/private", O_CREAT | O_RDWR, 0777);
        assertEquals(new FileStatus(0, 0755, 1000), os.fstat(fd));
        os.shmOpen("/mine", O_CREAT | O_RDWR, 0600);
        SimOs other = machine.spawn(1001);
        assertEquals(Errno.EACCES, errno(() -> other.shmOpen("/mine", O_RDONLY, 0)));
        assertEquals(Errno.EACCES, errno(() -> other.shmUnlink("/mine")));
        other.shmOpen("/private", O_RDONLY, 0);
        assertEquals(Errno.EACCES, errno(() -> other.shmOpen("/private", O_RDWR, 0)));
        machine.spawn(0).shmOpen("/mine", O_RDWR, 0);
    }

    @Test
    void truncateOnOpenEmptiesEvenReadOnly() {
        OpenFile fd = os.shmOpen("/t", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 4096);
        OpenFile ro = os.shmOpen("/t", O_RDONLY | O_TRUNC, 0);
        assertEquals(0, os.fstat(ro).size());
    }

    @Test
    void ftruncateAndFallocateGiveLinuxErrnos() {
        OpenFile rw = os.shmOpen("/f", O_CREAT | O_RDWR, 0600);
        OpenFile ro = os.shmOpen("/f", O_RDONLY, 0);
        OpenFile wo = os.shmOpen("/f", O_WRONLY, 0);
        assertEquals(Errno.EINVAL, errno(() -> os.ftruncate(ro, 10)));
        assertEquals(Errno.EINVAL, errno(() -> os.ftruncate(rw, -1)));
        assertEquals(Errno.EBADF, errno(() -> os.posixFallocate(ro, 0, 10)));
        assertEquals(Errno.EINVAL, errno(() -> os.posixFallocate(rw, 0, 0)));
        assertEquals(Errno.EINVAL, errno(() -> os.posixFallocate(rw, -1, 10)));
        os.posixFallocate(wo, 0, 8192);
        assertEquals(8192, os.fstat(rw).size());
        os.posixFallocate(rw, 0, 10);
        assertEquals(8192, os.fstat(rw).size(), "posix_fallocate never shrinks");
        os.ftruncate(rw, 10);
        assertEquals(10, os.fstat(rw).size());
    }

    @Test
    void closedDescriptorIsEbadf() {
        OpenFile fd = os.shmOpen("/c", O_CREAT | O_RDWR, 0600);
        os.close(fd);
        assertEquals(Errno.EBADF, errno(() -> os.close(fd)));
        assertEquals(Errno.EBADF, errno(() -> os.ftruncate(fd, 1)));
        assertEquals(Errno.EBADF, errno(() -> os.fstat(fd)));
        assertEquals(Errno.EBADF, errno(() -> os.mmap(4096, Protection.PROT_READ, MapFlags.MAP_SHARED, fd, 0)));
        assertTrue(os.shmOpen("/c", O_RDWR, 0).fd() == 3, "the lowest free descriptor is reused");
    }
}
