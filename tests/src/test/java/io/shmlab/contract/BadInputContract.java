package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bad input and use after the end of a handle: each gives the errno (or the fault) Linux + glibc
 * 2.36 give on x86_64, and nothing crashes.
 */
public abstract class BadInputContract extends ContractSupport {

    @Test
    void nonAsciiNamesWorkAndTheirLengthIsCountedInBytes() {
        String name = shmName("żółw");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        assertTrue(machine.listShm().contains(name.substring(1)), machine.listShm().toString());
        os.close(fd);
        String prefix = shmName("wide");
        int room = 255 - prefix.substring(1).getBytes(StandardCharsets.UTF_8).length;
        String tooLong = prefix + "ż".repeat(room / 2 + 1);
        assertTrue(tooLong.length() - 1 <= 255, "fewer than 256 characters, more than 255 bytes");
        assertErrno(Errno.ENAMETOOLONG, () -> os.shmOpen(tooLong, O_RDWR | O_CREAT, 0600));
    }

    @Test
    void aHugeSparseSizeIsAcceptedAndFstatTellsIt() {
        OpenFile fd = os.shmOpen(shmName("huge"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 1L << 40);
        assertEquals(1L << 40, os.fstat(fd).size());
        os.ftruncate(fd, 0);
        os.close(fd);
    }

    @Test
    void fallocateBeyondTheLargestFileIsEfbig() {
        OpenFile fd = os.shmOpen(shmName("efbig"), O_RDWR | O_CREAT, 0600);
        assertErrno(Errno.EFBIG, () -> os.posixFallocate(fd, Long.MAX_VALUE, 1));
        os.close(fd);
    }

    @Test
    void mmapOffsetsAndLengthsAtTheirLimits() {
        OpenFile fd = os.shmOpen(shmName("limits"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, Limits.PAGE_SIZE);
        Mapping pastEnd = os.mmap(Limits.PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 1L << 40);
        MemoryFault f = assertThrows(MemoryFault.class, () -> pastEnd.getByte(0));
        assertEquals(FaultKind.PAST_END_OF_OBJECT, f.kind(), "a mapping wholly past the end maps, then faults");
        os.munmap(pastEnd);
        assertErrno(Errno.EOVERFLOW, () -> os.mmap(Limits.PAGE_SIZE, PROT_READ, MAP_SHARED, fd,
                Long.MAX_VALUE & -(long) Limits.PAGE_SIZE));
        assertErrno(Errno.ENOMEM, () -> os.mmap(1L << 47, PROT_READ, MAP_SHARED, fd, 0));
        assertErrno(Errno.ENOMEM, () -> os.mmap(-1, PROT_READ, MAP_SHARED, fd, 0));
        os.close(fd);
    }

    @Test
    void exclusiveOpenOfAMissingSemaphoreWithoutCreateIsEnoent() {
        assertErrno(Errno.ENOENT, () -> os.semOpen(semName("noexcl"), O_EXCL));
    }

    @Test
    void aSemaphoreStillWorksAfterDestroyAsInGlibc() {
        OpenFile fd = os.shmOpen(shmName("destroyed"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 64);
        Mapping m = os.mmap(64, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, 0, true, 0);
        os.semDestroy(sem);
        os.semPost(sem);
        assertTrue(os.semTrywait(sem), "glibc's sem_destroy does nothing to the memory");
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void aSemaphoreInAnUnmappedMappingFaultsInsteadOfCrashing() {
        OpenFile fd = os.shmOpen(shmName("gone"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 64);
        Mapping m = os.mmap(64, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, 0, true, 1);
        os.munmap(m);
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semPost(sem));
        assertEquals(FaultKind.NOT_MAPPED, f.kind(), f.getMessage());
        assertThrows(MemoryFault.class, () -> os.semTrywait(sem));
        os.close(fd);
    }

    @Test
    void semInitInAReadOnlyMappingIsSigsegvAndPastTheObjectSigbus() {
        OpenFile fd = os.shmOpen(shmName("rosem"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 64);
        Mapping ro = os.mmap(64, PROT_READ, MAP_SHARED, fd, 0);
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semInit(ro, 0, true, 1));
        assertEquals(FaultKind.PROTECTION, f.kind(), f.getMessage());
        Mapping wide = os.mmap(2 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        MemoryFault bus = assertThrows(MemoryFault.class, () -> os.semInit(wide, Limits.PAGE_SIZE, true, 1));
        assertEquals(FaultKind.PAST_END_OF_OBJECT, bus.kind(), bus.getMessage());
        os.munmap(ro);
        os.munmap(wide);
        os.close(fd);
    }

    @Test
    void aClosedNamedSemaphoreIsNoLongerMapped() {
        Semaphore sem = os.semOpen(semName("closed"), O_CREAT, 0600, 1);
        os.semClose(sem);
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semPost(sem));
        assertEquals(FaultKind.NOT_MAPPED, f.kind(), f.getMessage());
    }

    @Test
    void badNanosecondsAreEinvalWhateverTheSecondsSay() {
        Semaphore sem = os.semOpen(semName("nanos"), O_CREAT, 0600, 0);
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(-5, 1_000_000_000L)));
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(Long.MAX_VALUE, -1)));
        os.semClose(sem);
    }
}
