package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_TRUNC;
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
import io.shmlab.api.Timespec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bytes each semaphore call really touches, and in which order it loads, stores and faults, for
 * a {@code sem_t} placed near the end of its mapping (past it: SIGSEGV) or of its object (past it:
 * SIGBUS). glibc 2.36 on x86_64 touches {@code data} (bytes 0-7) and {@code private} (8-11) only:
 * sem_init stores {@code data} then {@code private}; sem_post loads {@code private} then
 * {@code data}; the waits and sem_getvalue load {@code data}, and a wait that must sleep adds itself
 * to the waiter count in {@code data} before it loads {@code private}; sem_destroy touches nothing.
 * Measured with a C program placing a {@code sem_t} {@code k} bytes before the end, for every call.
 *
 * <p>Also every way the api allows to cut a named semaphore's file under an open handle: the next
 * call is the SIGBUS Linux gives, never a crash.
 */
public abstract class SemaphoreFootprintContract extends ContractSupport {
    private static final int PAGE = Limits.PAGE_SIZE;
    private static final long ONE_WAITER = 1L << 32;

    /** Where the page after the {@code sem_t}'s page is: outside the mapping, or past the object. */
    enum End {
        MAPPING(FaultKind.NOT_MAPPED, 2 * PAGE, PAGE),
        OBJECT(FaultKind.PAST_END_OF_OBJECT, PAGE, 2 * PAGE);

        final FaultKind fault;
        final long objectSize;
        final long mappingLength;

        End(FaultKind fault, long objectSize, long mappingLength) {
            this.fault = fault;
            this.objectSize = objectSize;
            this.mappingLength = mappingLength;
        }
    }

    private Mapping mapping;

    /** A mapping whose first page ends where {@code end} says; the {@code sem_t} is put {@code k} bytes before. */
    private Semaphore semBeforeTheEnd(End end, int k, long data) {
        OpenFile fd = os.shmOpen(shmName("foot"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, end.objectSize);
        mapping = os.mmap(end.mappingLength, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        for (int i = 0; i < Math.min(k, Long.BYTES); i++) {
            mapping.putByte(PAGE - k + i, (byte) (data >>> (8 * i)));
        }
        if (k >= 12) {
            mapping.putInt(PAGE - k + 8, 128);
        }
        return os.semAt(mapping, PAGE - k);
    }

    private long data(int k) {
        long d = 0;
        for (int i = 0; i < Math.min(k, Long.BYTES); i++) {
            d |= (mapping.getByte(PAGE - k + i) & 0xFFL) << (8 * i);
        }
        return d;
    }

    private void assertFault(End end, Access access, long offset, Executable call) {
        MemoryFault f = assertThrows(MemoryFault.class, call);
        assertEquals(end.fault + " " + access + " " + offset, f.kind() + " " + f.access() + " " + f.offset(),
                f.getMessage());
    }

    private static Timespec past() {
        return new Timespec(0, 0);
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withOnlyFourBytesInsideEveryCallFaultsAtItsFirstAccess(End end) {
        Semaphore sem = semBeforeTheEnd(end, 4, 0);
        assertFault(end, Access.WRITE, PAGE, () -> os.semInit(mapping, PAGE - 4, true, 5));
        assertEquals(0, data(4), "nothing stored");
        assertFault(end, Access.READ, PAGE + 4, () -> os.semPost(sem));
        assertFault(end, Access.READ, PAGE, () -> os.semTrywait(sem));
        assertFault(end, Access.READ, PAGE, () -> os.semTimedwait(sem, past()));
        assertFault(end, Access.READ, PAGE, () -> os.semGetvalue(sem));
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(0, -1)));
        os.semDestroy(sem);
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withOnlyDataInsideInitStoresTheValueThenFaults(End end) {
        semBeforeTheEnd(end, 8, 0);
        assertFault(end, Access.WRITE, PAGE, () -> os.semInit(mapping, PAGE - 8, true, 5));
        assertEquals(5, data(8), "sem_init stored data before private faulted");
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withOnlyDataInsidePostFaultsOnPrivateBeforeAnything(End end) {
        Semaphore sem = semBeforeTheEnd(end, 8, ONE_WAITER);
        assertFault(end, Access.READ, PAGE, () -> os.semPost(sem));
        assertEquals(ONE_WAITER, data(8), "nothing stored");
        mapping.putLong(PAGE - 8, Limits.SEM_VALUE_MAX);
        assertFault(end, Access.READ, PAGE, () -> os.semPost(sem));
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withOnlyDataInsideTheFastPathsWork(End end) {
        Semaphore sem = semBeforeTheEnd(end, 8, 2);
        assertEquals(2, os.semGetvalue(sem));
        assertTrue(os.semTrywait(sem));
        assertTrue(os.semTimedwait(sem, past()));
        assertFalse(os.semTrywait(sem), "trywait on 0 gives up without touching private");
        mapping.putLong(PAGE - 8, 1);
        os.semWait(sem);
        assertEquals(0, data(8));
        os.semDestroy(sem);
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withOnlyDataInsideAWaitThatMustSleepCountsItselfThenFaults(End end) {
        Semaphore sem = semBeforeTheEnd(end, 8, 0);
        assertFault(end, Access.READ, PAGE, () -> os.semTimedwait(sem, past()));
        assertEquals(ONE_WAITER, data(8), "the waiter count was raised before private was loaded");
        mapping.putLong(PAGE - 8, 0);
        assertFault(end, Access.READ, PAGE, () -> os.semWait(sem));
        assertEquals(ONE_WAITER, data(8));
    }

    @ParameterizedTest
    @EnumSource(End.class)
    void withDataAndPrivateInsideEveryCallWorks(End end) {
        for (int k : new int[] {12, 16, 24}) {
            semBeforeTheEnd(end, k, 0);
            Semaphore sem = os.semInit(mapping, PAGE - k, true, 0);
            os.semPost(sem);
            assertEquals(1, os.semGetvalue(sem));
            assertTrue(os.semTrywait(sem));
            assertFalse(os.semTrywait(sem));
            assertFalse(os.semTimedwait(sem, past()), "k=" + k);
            assertEquals(0, data(k), "a timed-out wait takes itself off the count");
            mapping.putLong(PAGE - k, ONE_WAITER);
            os.semPost(sem);
            assertEquals(ONE_WAITER | 1, data(k), "a post with a waiter counted wakes it, and the count stays its");
            mapping.putLong(PAGE - k, Limits.SEM_VALUE_MAX);
            assertErrno(Errno.EOVERFLOW, () -> os.semPost(sem));
            os.semDestroy(sem);
        }
    }

    // ------------------------------------------------------------------ a named semaphore's file cut

    private void assertCut(Semaphore sem) {
        for (Executable call : new Executable[] {() -> os.semPost(sem), () -> os.semTrywait(sem),
                () -> os.semWait(sem), () -> os.semTimedwait(sem, past()), () -> os.semGetvalue(sem)}) {
            MemoryFault f = assertThrows(MemoryFault.class, call);
            assertEquals(FaultKind.PAST_END_OF_OBJECT + " " + Access.READ, f.kind() + " " + f.access(), f.getMessage());
        }
    }

    @Test
    void semOpenWithOTruncEmptiesTheFileUnderTheOpenHandle() {
        String name = semName("otrunc");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 1);
        Semaphore again = os.semOpen(name, O_TRUNC);
        assertEquals(sem.address(), again.address(), "glibc hands out its mapping of the same file again");
        assertCut(sem);
        os.semClose(again);
        Semaphore third = os.semOpen(name, O_CREAT | O_TRUNC, 0600, 1);
        assertCut(third);
        os.semClose(third);
        os.semClose(sem);
    }

    @Test
    void shmOpenOfTheSemaphoresFileWithOTruncEmptiesIt() {
        String name = semName("shmtrunc");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 1);
        OpenFile file = os.shmOpen("/sem." + name.substring(1), O_RDWR | O_TRUNC, 0);
        assertCut(sem);
        os.posixFallocate(file, 0, 32);
        assertEquals(0, os.semGetvalue(sem), "posix_fallocate grew it back, with zeros");
        os.semPost(sem);
        assertTrue(os.semTrywait(sem));
        os.close(file);
        os.semClose(sem);
    }

    @Test
    void unlinkAndCreateAgainLeavesTheOpenSemaphoreAlone() {
        String name = semName("recreate");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 1);
        os.semUnlink(name);
        Semaphore fresh = os.semOpen(name, O_CREAT, 0600, 5);
        OpenFile file = os.shmOpen("/sem." + name.substring(1), O_RDWR, 0);
        os.ftruncate(file, 0);
        assertCut(fresh);
        assertEquals(1, os.semGetvalue(sem), "the unlinked file is another one");
        assertTrue(os.semTrywait(sem));
        os.close(file);
        os.semClose(fresh);
        os.semClose(sem);
    }
}
