package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_ANONYMOUS;
import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_WRONLY;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import org.junit.jupiter.api.Test;

/**
 * Every combination of the mmap(2) flags the api knows (MAP_SHARED, MAP_PRIVATE, MAP_ANONYMOUS),
 * with a descriptor and without, in Linux's order of checks (sys_mmap, ksys_mmap_pgoff, do_mmap),
 * as a C program measured them on Linux: the offset's alignment first, then the descriptor (unless
 * anonymous), the length, the offset's range (files only), the type, and last the descriptor's
 * access mode. MAP_SHARED | MAP_PRIVATE is MAP_SHARED_VALIDATE, a shared type for a file and no type
 * at all for anonymous memory.
 */
public abstract class MapFlagsContract extends ContractSupport {
    private static final int PAGE = Limits.PAGE_SIZE;
    private static final int RW = PROT_READ | PROT_WRITE;

    private OpenFile object(int access) {
        String name = shmName("flags");
        OpenFile rw = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(rw, PAGE);
        if (access == O_RDWR) {
            return rw;
        }
        os.close(rw);
        return os.shmOpen(name, access, 0);
    }

    @Test
    void anonymousMemoryTakesExactlyOneSharingFlag() {
        os.munmap(os.mmapAnonymous(PAGE, RW, MAP_SHARED));
        os.munmap(os.mmapAnonymous(PAGE, RW, MAP_PRIVATE));
        assertErrno(Errno.EINVAL, () -> os.mmapAnonymous(PAGE, RW, MAP_SHARED | MAP_PRIVATE));
        assertErrno(Errno.EINVAL, () -> os.mmapAnonymous(PAGE, RW, 0));
        assertErrno(Errno.EINVAL, () -> os.mmapAnonymous(0, RW, MAP_SHARED | MAP_PRIVATE));
        assertErrno(Errno.ENOMEM, () -> os.mmapAnonymous(1L << 47, RW, MAP_SHARED | MAP_PRIVATE));
        assertErrno(Errno.ENOMEM, () -> os.mmapAnonymous(-1, RW, 0));
    }

    @Test
    void aFileTakesSharedPrivateOrBoth() {
        OpenFile fd = object(O_RDWR);
        os.munmap(os.mmap(PAGE, RW, MAP_SHARED, fd, 0));
        os.munmap(os.mmap(PAGE, RW, MAP_PRIVATE, fd, 0));
        Mapping validated = os.mmap(PAGE, RW, MAP_SHARED | MAP_PRIVATE, fd, 0);
        Mapping shared = os.mmap(PAGE, RW, MAP_SHARED, fd, 0);
        validated.putInt(0, 5);
        assertEquals(5, shared.getInt(0), "MAP_SHARED_VALIDATE shares");
        os.munmap(validated);
        os.munmap(shared);
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, 0, fd, 0));
        assertErrno(Errno.EOVERFLOW, () -> os.mmap(PAGE, RW, 0, fd, -PAGE));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, 0, fd, 100));
        assertErrno(Errno.EINVAL, () -> os.mmap(0, RW, 0, fd, 0));
        os.close(fd);
        assertErrno(Errno.EBADF, () -> os.mmap(0, RW, 0, fd, 0));
    }

    @Test
    void theTypeIsCheckedBeforeTheDescriptorsAccessMode() {
        OpenFile ro = object(O_RDONLY);
        assertErrno(Errno.EACCES, () -> os.mmap(PAGE, RW, MAP_SHARED | MAP_PRIVATE, ro, 0));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, 0, ro, 0));
        os.munmap(os.mmap(PAGE, RW, MAP_PRIVATE, ro, 0));
        OpenFile wo = object(O_WRONLY);
        assertErrno(Errno.EACCES, () -> os.mmap(PAGE, PROT_READ, MAP_PRIVATE, wo, 0));
        assertErrno(Errno.EACCES, () -> os.mmap(PAGE, PROT_READ, MAP_SHARED | MAP_PRIVATE, wo, 0));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, PROT_READ, 0, wo, 0));
        os.close(ro);
        os.close(wo);
    }

    @Test
    void withMapAnonymousTheDescriptorIsIgnoredButTheOffsetIsChecked() {
        OpenFile fd = object(O_RDWR);
        Mapping m = os.mmap(PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, fd, -PAGE);
        assertNull(m.objectName(), "anonymous memory, not the object");
        assertEquals(0, m.fileOffset());
        m.putLong(PAGE - 8, 9);
        assertEquals(9, m.getLong(PAGE - 8));
        os.munmap(m);
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, fd, 100));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, fd, 0));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, RW, MAP_ANONYMOUS, fd, -PAGE));
        os.close(fd);
        os.munmap(os.mmap(2 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, fd, 0));
    }
}
