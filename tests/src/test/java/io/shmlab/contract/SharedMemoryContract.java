package io.shmlab.contract;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_TRUNC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import org.junit.jupiter.api.Test;

/**
 * Shared memory objects: shm_open(3), shm_unlink(3), ftruncate(2), posix_fallocate(3), fstat(2),
 * close(2), with the errno Linux + glibc 2.36 give for each misuse.
 */
public abstract class SharedMemoryContract extends ContractSupport {

    @Test
    void newObjectHasSizeZeroAndTakesTheSizeFtruncateGives() {
        OpenFile fd = os.shmOpen(shmName("size"), O_RDWR | O_CREAT, 0600);
        assertEquals(0, os.fstat(fd).size());
        os.ftruncate(fd, 1024);
        assertEquals(1024, os.fstat(fd).size());
        os.ftruncate(fd, 10);
        assertEquals(10, os.fstat(fd).size());
        os.close(fd);
    }

    @Test
    void fstatGivesTheModeAndTheOwner() {
        OpenFile fd = os.shmOpen(shmName("mode"), O_RDWR | O_CREAT, 0640);
        FileStatus status = os.fstat(fd);
        assertEquals(0640, status.mode() & 0777);
        assertEquals(os.uid(), status.uid());
        os.close(fd);
    }

    @Test
    void theCreationModeIsMaskedByTheUmask() {
        int previous = os.umask(022);
        try {
            OpenFile fd = os.shmOpen(shmName("umask"), O_RDWR | O_CREAT, 0666);
            assertEquals(0644, os.fstat(fd).mode() & 0777);
            os.close(fd);
            assertEquals(022, os.umask(077));
            OpenFile other = os.shmOpen(shmName("umask77"), O_RDWR | O_CREAT, 0666);
            assertEquals(0600, os.fstat(other).mode() & 0777);
            os.close(other);
        } finally {
            os.umask(previous);
        }
    }

    @Test
    void exclusiveCreateOfAnExistingNameFailsWithEexist() {
        String name = shmName("excl");
        OpenFile first = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        PosixException e = assertErrno(Errno.EEXIST, () -> os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600));
        assertEquals("shm_open", e.call());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        os.close(first);
    }

    @Test
    void createWithoutExclOpensTheExistingObject() {
        String name = shmName("shared");
        OpenFile a = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(a, 100);
        OpenFile b = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        assertEquals(100, os.fstat(b).size());
        os.close(a);
        os.close(b);
    }

    @Test
    void openingAMissingNameFailsWithEnoent() {
        String name = shmName("missing");
        assertErrno(Errno.ENOENT, () -> os.shmOpen(name, O_RDWR, 0));
    }

    @Test
    void truncatingOpenEmptiesTheObject() {
        String name = shmName("trunc");
        OpenFile a = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(a, 4096);
        OpenFile b = os.shmOpen(name, O_RDWR | O_TRUNC, 0);
        assertEquals(0, os.fstat(a).size());
        os.close(a);
        os.close(b);
    }

    @Test
    void unlinkRemovesTheNameButNotAnOpenObject() {
        String name = shmName("unlink");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 64);
        os.shmUnlink(name);
        assertFalse(machine.listShm().contains(name.substring(1)));
        assertErrno(Errno.ENOENT, () -> os.shmOpen(name, O_RDWR, 0));
        assertEquals(64, os.fstat(fd).size(), "the open object lives on");
        assertErrno(Errno.ENOENT, () -> os.shmUnlink(name));
        os.close(fd);
    }

    @Test
    void listingShowsTheObjectByNameWithoutTheSlash() {
        String name = shmName("listed");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        assertTrue(machine.listShm().contains(name.substring(1)), machine.listShm().toString());
        os.close(fd);
    }

    @Test
    void namesAreCheckedAsGlibcChecksThem() {
        assertErrno(Errno.EINVAL, () -> os.shmOpen("", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.EINVAL, () -> os.shmOpen("/", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.EINVAL, () -> os.shmOpen("/a/b", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.EINVAL, () -> os.shmOpen("/.", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.EINVAL, () -> os.shmOpen("/..", O_RDWR | O_CREAT, 0600));
    }

    @Test
    void leadingSlashesAreOptionalAndFolded() {
        String name = shmName("slashes");
        OpenFile a = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(a, 33);
        OpenFile b = os.shmOpen(name.substring(1), O_RDWR, 0);
        OpenFile c = os.shmOpen("/" + name, O_RDWR, 0);
        assertEquals(33, os.fstat(b).size());
        assertEquals(33, os.fstat(c).size());
        os.close(a);
        os.close(b);
        os.close(c);
    }

    @Test
    void aNameOfNameMaxBytesIsTheLongestTheKernelTakes() {
        String prefix = shmName("long");
        String longest = prefix + "x".repeat(255 - (prefix.length() - 1));
        OpenFile fd = os.shmOpen(longest, O_RDWR | O_CREAT, 0600);
        os.close(fd);
        os.shmUnlink(longest);
        assertErrno(Errno.ENAMETOOLONG, () -> os.shmOpen(longest + "x", O_RDWR | O_CREAT, 0600));
    }

    @Test
    void unlinkOfABadNameFailsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> os.shmUnlink(""));
        assertErrno(Errno.ENOENT, () -> os.shmUnlink("/a/b"));
    }

    @Test
    void negativeLengthFailsWithEinval() {
        OpenFile fd = os.shmOpen(shmName("neg"), O_RDWR | O_CREAT, 0600);
        assertErrno(Errno.EINVAL, () -> os.ftruncate(fd, -1));
        os.close(fd);
    }

    @Test
    void ftruncateOnAReadOnlyDescriptorFailsWithEinval() {
        String name = shmName("rotrunc");
        OpenFile rw = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        OpenFile ro = os.shmOpen(name, O_RDONLY, 0);
        assertErrno(Errno.EINVAL, () -> os.ftruncate(ro, 10));
        os.close(ro);
        os.close(rw);
    }

    @Test
    void fallocateGrowsButNeverShrinks() {
        OpenFile fd = os.shmOpen(shmName("falloc"), O_RDWR | O_CREAT, 0600);
        os.posixFallocate(fd, 0, 8192);
        assertEquals(8192, os.fstat(fd).size());
        os.posixFallocate(fd, 0, 100);
        assertEquals(8192, os.fstat(fd).size());
        os.posixFallocate(fd, 10000, 5);
        assertEquals(10005, os.fstat(fd).size());
        os.close(fd);
    }

    @Test
    void fallocateRejectsBadRangesAndReadOnlyDescriptors() {
        String name = shmName("fallocbad");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        assertErrno(Errno.EINVAL, () -> os.posixFallocate(fd, 0, 0));
        assertErrno(Errno.EINVAL, () -> os.posixFallocate(fd, -1, 10));
        OpenFile ro = os.shmOpen(name, O_RDONLY, 0);
        assertErrno(Errno.EBADF, () -> os.posixFallocate(ro, 0, 10));
        os.close(ro);
        os.close(fd);
    }

    @Test
    void aClosedDescriptorFailsWithEbadf() {
        OpenFile fd = os.shmOpen(shmName("closed"), O_RDWR | O_CREAT, 0600);
        os.close(fd);
        assertErrno(Errno.EBADF, () -> os.close(fd));
        assertErrno(Errno.EBADF, () -> os.ftruncate(fd, 10));
        assertErrno(Errno.EBADF, () -> os.fstat(fd));
    }
}
