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
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Timespec;
import io.shmlab.api.layout.SemT;
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
    void anObjectAsLargeAsLinuxAllowsMapsAndReadsAsZeros() {
        OpenFile fd = os.shmOpen(shmName("largest"), O_RDWR | O_CREAT, 0600);
        for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 5}) {
            os.ftruncate(fd, size);
            assertEquals(size, os.fstat(fd).size());
            Mapping m = os.mmap(Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2L * Limits.PAGE_SIZE);
            assertEquals(0, m.getLong(0), "no page of it is past its end");
            m.putLong(8, size);
            assertEquals(size, m.getLong(8));
            os.munmap(m);
        }
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

    @Test
    void aNameEndsAtItsFirstNulAsTheCStringItIsPassedAs() {
        String name = shmName("nul");
        OpenFile fd = os.shmOpen(name + "\0tail", O_RDWR | O_CREAT, 0600);
        assertTrue(machine.listShm().contains(name.substring(1)), machine.listShm().toString());
        os.close(fd);
        os.shmUnlink(name + "\0other");
        assertErrno(Errno.ENOENT, () -> os.shmUnlink(name));
    }

    @Test
    void dotAndDotDotNameDirectoriesThatExist() {
        for (String dir : new String[] {"/.", "/..", ".."}) {
            assertErrno(Errno.EEXIST, () -> os.shmOpen(dir, O_RDWR | O_CREAT | O_EXCL, 0600));
            assertErrno(Errno.EINVAL, () -> os.shmOpen(dir, O_RDWR, 0600));
            assertErrno(Errno.EISDIR, () -> os.shmUnlink(dir));
        }
    }

    @Test
    void aSemaphoreNameIsCheckedByGlibcThenByTheKernel() {
        String prefix = semName("semlong");
        int room = ShmNamespace.SEMAPHORE_NAME_MAX - (prefix.length() - 1);
        String longest = prefix + "x".repeat(room);
        Semaphore sem = os.semOpen(longest, O_CREAT, 0600, 0);
        os.semClose(sem);
        os.semUnlink(longest);
        String tooLong = longest + "x";
        assertErrno(Errno.ENAMETOOLONG, () -> os.semOpen(tooLong, O_CREAT, 0600, 0));
        assertErrno(Errno.ENAMETOOLONG, () -> os.semUnlink(tooLong));
        assertErrno(Errno.ENAMETOOLONG, () -> os.semOpen(tooLong, O_CREAT, 0600, -1));
        // with O_EXCL glibc checks the value before the kernel sees the name
        assertErrno(Errno.EINVAL, () -> os.semOpen(tooLong, O_CREAT | O_EXCL, 0600, -1));
        String pastGlibc = prefix + "x".repeat(260);
        assertErrno(Errno.EINVAL, () -> os.semOpen(pastGlibc, O_CREAT, 0600, 0));
        assertErrno(Errno.ENOENT, () -> os.semUnlink(pastGlibc));
    }

    @Test
    void aNamedSemaphoreClosedForTheLastTimeStaysClosed() {
        String name = semName("twice");
        Semaphore first = os.semOpen(name, O_CREAT, 0600, 1);
        Semaphore again = os.semOpen(name, 0);
        os.semClose(first);
        assertTrue(os.semTrywait(again), "one open is left: glibc still maps it");
        os.semClose(again);
        Semaphore other = os.semOpen(semName("other"), O_CREAT, 0600, 1);
        assertErrno(Errno.EINVAL, () -> os.semClose(first));
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semPost(first));
        assertEquals(FaultKind.NOT_MAPPED, f.kind(), f.getMessage());
        assertTrue(os.semTrywait(other), "the other semaphore was not reached, nor closed");
        os.semClose(other);
    }

    @Test
    void aSemaphoreTakenFromAMappingIsNeverClosedEvenAtANamedOnesAddress() {
        Semaphore named = os.semOpen(semName("neighbour"), O_CREAT, 0600, 1);
        Mapping mapping = os.mmapAnonymous(1, PROT_READ | PROT_WRITE, MAP_SHARED);
        os.semInit(mapping, 0, true, 1);
        assertErrno(Errno.EINVAL, () -> os.semClose(os.semAt(mapping, 0)));
        // past the mapping, at the named semaphore's own address (on Linux the next page up, often):
        // glibc would unmap the named one; a pointer stays in its mapping, so it is EINVAL here too
        Semaphore stray = os.semAt(mapping, named.address() - mapping.address());
        assertErrno(Errno.EINVAL, () -> os.semClose(stray));
        assertTrue(os.semTrywait(named), "the named semaphore is still open and mapped");
        os.semClose(named);
        os.munmap(mapping);
    }

    @Test
    void glibcKnowsAnOpenSemaphoreByItsNameAsGiven() {
        String name = semName("spelled");
        Semaphore one = os.semOpen(name, O_CREAT, 0600, 0);
        Semaphore same = os.semOpen(name, 0);
        Semaphore other = os.semOpen("/" + name, 0);
        assertEquals(one.address(), same.address(), "the same name: the same mapping, counted twice");
        assertTrue(one.address() != other.address(), "another spelling: another mapping of the same file");
        os.semPost(other);
        assertTrue(os.semTrywait(one), "one semaphore all the same");
        os.semClose(one);
        os.semClose(same);
        assertErrno(Errno.EINVAL, () -> os.semClose(one));
        os.semPost(other);
        assertEquals(1, os.semGetvalue(other), "the other spelling's mapping is still there");
        os.semClose(other);
    }

    @Test
    void aNamedSemaphoreWhoseFileWasShrunkIsSigbusOnTheFirstLoad() {
        String name = semName("shrunk");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 1);
        OpenFile file = os.shmOpen("/" + ShmNamespace.semaphoreFile(name), O_RDWR, 0);
        os.ftruncate(file, 0);
        MemoryFault f = assertThrows(MemoryFault.class, () -> os.semPost(sem));
        assertEquals(FaultKind.PAST_END_OF_OBJECT + " READ", f.kind() + " " + f.access(), f.getMessage());
        assertThrows(MemoryFault.class, () -> os.semTrywait(sem));
        os.ftruncate(file, SemT.SIZE);
        assertEquals(0, os.semGetvalue(sem), "the file grew back with zeros");
        os.close(file);
        os.semClose(sem);
    }

    @Test
    void copiesAndFillsOfNothingTouchNothing() {
        OpenFile fd = os.shmOpen(shmName("nothing"), O_RDWR | O_CREAT, 0600);
        Mapping ro = os.mmap(Limits.PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
        ro.putBytes(Long.MAX_VALUE, new byte[0]);
        ro.fill(-1, 0, (byte) 1);
        assertEquals(0, ro.getBytes(Long.MIN_VALUE, 0).length);
        os.munmap(ro);
        assertEquals(0, ro.getBytes(0, 0).length, "even after munmap");
        os.close(fd);
    }
}
