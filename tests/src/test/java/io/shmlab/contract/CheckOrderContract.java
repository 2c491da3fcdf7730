package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_NONE;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Semaphore;
import io.shmlab.api.SyncFlags;
import io.shmlab.api.Timespec;
import io.shmlab.api.layout.SemT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A call that is wrong in more than one way: which check comes first, and what the first access
 * glibc makes to memory is (a load or a store), as measured on Linux + glibc 2.36 with C programs.
 * Each case is a disagreement the differential test once found between the backends.
 */
public abstract class CheckOrderContract extends ContractSupport {
    private static final int PAGE = Limits.PAGE_SIZE;

    private OpenFile object(String what, long size) {
        OpenFile fd = os.shmOpen(shmName(what), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, size);
        return fd;
    }

    private static MemoryFault assertFault(FaultKind kind, Access access, Executable call) {
        MemoryFault f = assertThrows(MemoryFault.class, call);
        assertEquals(kind + " " + access, f.kind() + " " + f.access(), f.getMessage());
        return f;
    }

    // ------------------------------------------------------------------ semaphores

    @Test
    void semInitChecksTheValueBeforeItTouchesMemory() {
        OpenFile fd = object("initvalue", PAGE);
        Mapping ro = os.mmap(PAGE, PROT_READ, MAP_SHARED, fd, 0);
        assertErrno(Errno.EINVAL, () -> os.semInit(ro, 0, true, Limits.SEM_VALUE_MAX + 1L));
        Mapping gone = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.munmap(gone);
        assertErrno(Errno.EINVAL, () -> os.semInit(gone, 0, true, -1));
        assertFault(FaultKind.NOT_MAPPED, Access.WRITE, () -> os.semInit(gone, 0, true, 1));
        os.munmap(ro);
        os.close(fd);
    }

    @Test
    void timedwaitChecksTheNanosecondsBeforeItTouchesMemory() {
        OpenFile fd = object("timedgone", PAGE);
        Mapping m = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, 0, true, 0);
        os.munmap(m);
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(0, -1)));
        assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> os.semTimedwait(sem, new Timespec(0, 0)));
        os.close(fd);
    }

    @Test
    void everySemaphoreCallButInitLoadsFirstSoPastTheObjectItIsSigbusOnARead() {
        OpenFile fd = object("truncated", PAGE);
        Mapping m = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, 0, true, 1);
        os.ftruncate(fd, 0);
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> os.semPost(sem));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> os.semTrywait(sem));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> os.semTimedwait(sem, new Timespec(0, 0)));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> os.semGetvalue(sem));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE, () -> os.semInit(m, 0, true, 1));
        os.semDestroy(sem);
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void inAReadOnlyMappingGlibcStoresOnlyWhenTheValueLetsIt() {
        OpenFile fd = object("readonly", PAGE);
        Mapping rw = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.semInit(rw, 0, true, 0);
        os.semInit(rw, 64, true, 1);
        os.semInit(rw, 128, true, Limits.SEM_VALUE_MAX);
        Mapping ro = os.mmap(PAGE, PROT_READ, MAP_SHARED, fd, 0);
        Semaphore zero = os.semAt(ro, 0);
        Semaphore one = os.semAt(ro, 64);
        Semaphore full = os.semAt(ro, 128);

        assertFalse(os.semTrywait(zero), "trywait loads 0 and gives up (EAGAIN) before any store");
        assertEquals(0, os.semGetvalue(zero));
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> os.semTimedwait(zero, new Timespec(0, 0)));
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> os.semTrywait(one));
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> os.semTimedwait(one, new Timespec(0, 0)));
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> os.semPost(zero));
        assertErrno(Errno.EOVERFLOW, () -> os.semPost(full));
        assertEquals(1, rw.getInt(64 + SemT.VALUE_OFFSET), "nothing was stored");

        Mapping none = os.mmap(PAGE, PROT_NONE, MAP_SHARED, fd, 0);
        assertFault(FaultKind.PROTECTION, Access.READ, () -> os.semTrywait(os.semAt(none, 64)));
        assertFault(FaultKind.PROTECTION, Access.READ, () -> os.semPost(os.semAt(none, 64)));
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> os.semInit(none, 64, true, 1));
        os.semDestroy(os.semAt(none, 64));
        os.munmap(none);
        os.munmap(ro);
        os.munmap(rw);
        os.close(fd);
    }

    @Test
    void aSemaphoreIsTouchedOnlyInTheBytesGlibcUses() {
        OpenFile fd = object("straddle", PAGE);
        Mapping m = os.mmap(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        // data and private lie in the object's page; the unused rest of the sem_t lies past its end
        Semaphore sem = os.semInit(m, PAGE - 16, true, 1);
        assertTrue(os.semTrywait(sem));
        os.semPost(sem);
        assertEquals(1, os.semGetvalue(sem));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE, () -> os.semInit(m, PAGE - 8, true, 1));
        // sem_post loads private first: past the object's end here
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> os.semPost(os.semAt(m, 2 * PAGE - 16)));
        os.munmap(m);
        os.close(fd);
    }

    // ------------------------------------------------------------------ msync

    @Test
    void msyncChecksItsFlagsAndLengthBeforeItLooksForTheMapping() {
        OpenFile fd = object("msyncgone", PAGE);
        Mapping m = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.munmap(m);
        os.msync(m, 0, 0, SyncFlags.MS_SYNC);
        os.msync(m, 0, -1, SyncFlags.MS_SYNC);
        assertErrno(Errno.EINVAL, () -> os.msync(m, 0, PAGE, SyncFlags.MS_SYNC | SyncFlags.MS_ASYNC));
        assertErrno(Errno.EINVAL, () -> os.msync(m, 0, PAGE, 0x100));
        assertErrno(Errno.EINVAL, () -> os.msync(m, 1, PAGE, SyncFlags.MS_SYNC));
        assertErrno(Errno.ENOMEM, () -> os.msync(m, 0, PAGE, 0));
        os.close(fd);
    }

    @Test
    void msyncIsHeldToTheMappingsOwnPages() {
        OpenFile fd = object("msyncrange", 4 * PAGE);
        Mapping m = os.mmap(PAGE + 1, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping after = os.mmap(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.msync(m, 0, 2 * PAGE, SyncFlags.MS_SYNC);
        os.msync(m, PAGE, 1, SyncFlags.MS_ASYNC);
        assertErrno(Errno.ENOMEM, () -> os.msync(m, 0, 3 * PAGE, SyncFlags.MS_SYNC));
        assertErrno(Errno.ENOMEM, () -> os.msync(m, 2 * PAGE, PAGE, SyncFlags.MS_SYNC));
        assertErrno(Errno.ENOMEM, () -> os.msync(m, -PAGE, PAGE, SyncFlags.MS_SYNC));
        os.munmap(after);
        os.munmap(m);
        os.close(fd);
    }

    // ------------------------------------------------------------------ descriptors

    @Test
    void aClosedDescriptorStaysClosedWhenItsNumberIsGivenAgain() {
        OpenFile first = object("firstfd", PAGE);
        os.close(first);
        OpenFile second = object("secondfd", 2 * PAGE);
        assertErrno(Errno.EBADF, () -> os.ftruncate(first, 0));
        assertErrno(Errno.EBADF, () -> os.fstat(first));
        assertErrno(Errno.EBADF, () -> os.mmap(PAGE, PROT_READ, MAP_SHARED, first, 0));
        assertErrno(Errno.EBADF, () -> os.posixFallocate(first, 0, 1));
        assertErrno(Errno.EBADF, () -> os.close(first));
        assertEquals(2 * PAGE, os.fstat(second).size(), "the new descriptor was not reached");
        os.close(second);
    }

    @Test
    void eachCallOnAClosedDescriptorChecksInItsOwnOrder() {
        OpenFile fd = object("closedorder", PAGE);
        os.close(fd);
        assertErrno(Errno.EINVAL, () -> os.ftruncate(fd, -1));
        assertErrno(Errno.EBADF, () -> os.posixFallocate(fd, -1, 1));
        assertErrno(Errno.EINVAL, () -> os.mmap(PAGE, PROT_READ, MAP_SHARED, fd, 100));
        assertErrno(Errno.EBADF, () -> os.mmap(0, PROT_READ, MAP_SHARED, fd, 0));
    }

    @Test
    void aFutexFlagGlibcNeverWritesIsRefusedBeforeAFutexCall() {
        OpenFile fd = object("futexflag", PAGE);
        Mapping m = os.mmap(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, 0, true, 0);
        m.putInt(SemT.PRIVATE_OFFSET, 7); // a garbage futex operation for glibc
        assertFalse(os.semTrywait(sem), "trywait makes no futex call");
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(0, 0)));
        assertEquals(0, m.getLong(SemT.DATA_OFFSET), "refused before the waiter count was raised");
        os.semPost(sem);
        assertTrue(os.semTrywait(sem), "a post with nobody to wake makes no futex call either");
        m.putLong(SemT.DATA_OFFSET, SemT.data(0, 1)); // one waiter counted: the post would wake it
        assertErrno(Errno.EINVAL, () -> os.semPost(sem));
        assertEquals(SemT.data(0, 1), m.getLong(SemT.DATA_OFFSET), "refused before the value changed");
        os.munmap(m);
        os.close(fd);
    }
}
