package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.SyncFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * munmap(2) of part of a mapping ({@code Os.munmap(Mapping, offset, length)}), as measured with a C
 * program: an unaligned address, a length of 0 or past the address space is EINVAL; the length is
 * rounded up to pages; an access in the hole is SIGSEGV (SEGV_MAPERR) and the rest keeps working;
 * msync over the hole is ENOMEM; unmapping what is no longer mapped succeeds.
 */
public abstract class PartialMunmapContract extends ContractSupport {
    private static final int PAGE = Limits.PAGE_SIZE;

    private Mapping fourPages() {
        OpenFile fd = os.shmOpen(shmName("part"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4 * PAGE);
        Mapping m = os.mmap(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        return m;
    }

    private static void assertHole(long offset, Executable access) {
        MemoryFault f = assertThrows(SegmentationFault.class, access);
        assertEquals(FaultKind.NOT_MAPPED, f.kind(), f.getMessage());
        assertEquals(offset, f.offset(), f.getMessage());
    }

    @Test
    void theArgumentsAreCheckedAsLinuxChecksThem() {
        Mapping m = fourPages();
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 1, PAGE));
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 100, PAGE));
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 0, 0));
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 0, -1));
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 0, 1L << 47));
        assertErrno(Errno.EINVAL, () -> os.munmap(m, 0, Long.MIN_VALUE));
        m.putInt(0, 1);
        assertEquals(1, m.getInt(0), "nothing was unmapped");
        m.putInt(4 * PAGE - 4, 2);
        os.munmap(m);
    }

    @Test
    void aHoleInTheMiddleIsSigsegvAndTheRestKeepsWorking() {
        Mapping m = fourPages();
        os.munmap(m, PAGE, 1); // rounded up to the page
        assertHole(PAGE, () -> m.putByte(PAGE, (byte) 1));
        assertHole(2 * PAGE - 1, () -> m.getByte(2 * PAGE - 1));
        assertHole(PAGE, () -> m.getLong(PAGE - 4));
        assertHole(PAGE, () -> m.getBytes(0, 3 * PAGE));
        m.putInt(0, 7);
        m.putInt(2 * PAGE, 8);
        assertEquals(7, m.getInt(0));
        assertEquals(8, m.getInt(2 * PAGE));
        assertErrno(Errno.ENOMEM, () -> os.msync(m, 0, 4 * PAGE, SyncFlags.MS_SYNC));
        os.msync(m, 2 * PAGE, 2 * PAGE, SyncFlags.MS_SYNC);
        assertThrows(SegmentationFault.class, () -> os.mappingAt(m.address() + PAGE));
        assertEquals(m.address(), os.mappingAt(m.address() + 2 * PAGE).address());
        os.munmap(m, PAGE, PAGE); // again: nothing left there, it succeeds
        os.munmap(m);
        assertHole(0, () -> m.getByte(0));
    }

    @Test
    void aRangeRunningPastTheMappingUnmapsOnlyWhatIsInsideIt() {
        Mapping m = fourPages();
        Mapping other = fourPages();
        os.munmap(m, 3 * PAGE, 4 * PAGE);
        os.munmap(m, -PAGE, 2 * PAGE);
        assertHole(0, () -> m.getByte(0));
        assertHole(3 * PAGE, () -> m.getByte(3 * PAGE));
        assertEquals(0, m.getByte(PAGE));
        os.munmap(m, 8 * PAGE, PAGE); // wholly outside: nothing mapped there for this mapping
        other.putInt(0, 3);
        other.putInt(3 * PAGE, 4);
        assertEquals(3, other.getInt(0), "a neighbour is never unmapped through another mapping");
        os.munmap(m, PAGE, 2 * PAGE);
        assertHole(PAGE, () -> m.getByte(PAGE));
        os.munmap(m);
        os.munmap(other);
    }

    @Test
    void aSemaphoreInTheHoleFaultsAndOneOutsideItWorks() {
        Mapping m = fourPages();
        Semaphore before = os.semInit(m, PAGE - 16, true, 1);
        Semaphore gone = os.semInit(m, PAGE, true, 1);
        os.munmap(m, PAGE, PAGE);
        assertTrue(os.semTrywait(before), "its data and private lie before the hole");
        os.semPost(before);
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semPost(gone));
        assertEquals(FaultKind.NOT_MAPPED + " " + Access.READ, f.kind() + " " + f.access(), f.getMessage());
        assertThrows(MemoryFault.class, () -> os.semInit(m, PAGE - 8, true, 1));
        assertEquals(1, os.semGetvalue(os.semAt(m, PAGE - 8)), "sem_init stored data before private faulted");
        os.munmap(m);
    }
}
