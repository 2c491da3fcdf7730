package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Signal;
import io.shmlab.libc.NativeBackend;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * The cases of {@link CapacityContract}: what Linux does when /dev/shm is a tmpfs of 1 MiB (256 pages),
 * measured as root in a private mount namespace. Each case starts on an empty tmpfs of that size and is
 * a static method taking the process's {@link Os}, so that it runs the same on the simulator (in the
 * test's JVM) and on native (in a child JVM inside the namespace: {@link #main}).
 */
public final class CapacityCases {
    static final long PAGE = 4096;
    /** The tmpfs's size: 1 MiB. */
    static final long TMPFS = 1L << 20;
    static final int TMPFS_PAGES = (int) (TMPFS / PAGE);
    static final long FOUR_MIB = 4L << 20;

    private CapacityCases() {
    }

    /** Runs the case named by {@code args[0]} on the native backend: status 0 when it passed, else 1 and why. */
    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            Method c = CapacityCases.class.getDeclaredMethod(args[0], Os.class);
            c.invoke(null, new NativeBackend().boot().spawn());
            System.exit(0);
        } catch (java.lang.reflect.InvocationTargetException e) {
            e.getCause().printStackTrace(err);
        } catch (ReflectiveOperationException | RuntimeException e) {
            e.printStackTrace(err);
        }
        System.exit(1);
    }

    private static OpenFile object(Os os, String name, long size) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, size);
        return fd;
    }

    private static Mapping map(Os os, OpenFile fd, long length) {
        return os.mmap(length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }

    /** Stores into each page of the mapping from {@code first} until a SIGBUS; returns it. */
    private static BusError storeUntilFull(Mapping m, long first) {
        return assertThrows(BusError.class, () -> {
            for (long page = first; page < m.length() / PAGE; page++) {
                m.putByte(page * PAGE, (byte) 1);
            }
        }, "a store of every page of " + m.length() + " bytes fits in a tmpfs of 1 MiB");
    }

    private static void assertNoSpace(BusError e, Access access, Mapping m, long offset) {
        assertEquals(FaultKind.NO_SPACE, e.kind(), e.getMessage());
        assertEquals(Signal.SIGBUS, e.signal());
        assertEquals("BUS_ADRERR", e.kind().code(), "Linux reports BUS_ADRERR for no space too");
        assertEquals(access, e.access(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(m.address() + offset, e.address(), e.getMessage());
        assertTrue(e.getMessage().contains("no space left"), e.getMessage());
    }

    private static void assertErrno(Errno expected, Runnable call) {
        PosixException e = assertThrows(PosixException.class, call::run);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    /** ftruncate(fd, 4 MiB) succeeds in a 1 MiB tmpfs: a size, not space; all of the tmpfs is still free. */
    static void ftruncateSetsASizeAndAllocatesNothing(Os os) {
        OpenFile fd = object(os, "/cap-size", FOUR_MIB);
        assertEquals(FOUR_MIB, os.fstat(fd).size());
        OpenFile other = object(os, "/cap-other", 0);
        os.posixFallocate(other, 0, TMPFS);
        assertEquals(TMPFS, os.fstat(other).size());
    }

    /** posix_fallocate(fd, 0, 4 MiB) is ENOSPC and allocates nothing; posix_fallocate(fd, 0, 512 KiB) succeeds. */
    static void fallocateOfMoreThanTheTmpfsIsEnospcAndAllocatesNothing(Os os) {
        OpenFile fd = object(os, "/cap-falloc", FOUR_MIB);
        assertErrno(Errno.ENOSPC, () -> os.posixFallocate(fd, 0, FOUR_MIB));
        assertEquals(FOUR_MIB, os.fstat(fd).size(), "the size is unchanged");
        os.posixFallocate(fd, 0, 512 << 10);
        // the failed call kept nothing: exactly the other 512 KiB are free
        OpenFile rest = object(os, "/cap-rest", 0);
        os.posixFallocate(rest, 0, 512 << 10);
        assertErrno(Errno.ENOSPC, () -> os.posixFallocate(rest, 512 << 10, PAGE));
        assertEquals(512 << 10, os.fstat(rest).size(), "a failed posix_fallocate does not grow the object");
    }

    /** posix_fallocate(fd, 0, LONG_MAX) is ENOSPC on any tmpfs, the size unchanged. */
    static void fallocateOfLongMaxIsEnospcWithTheSizeUnchanged(Os os) {
        OpenFile fd = object(os, "/cap-max", PAGE);
        assertErrno(Errno.ENOSPC, () -> os.posixFallocate(fd, 0, Long.MAX_VALUE));
        assertEquals(PAGE, os.fstat(fd).size());
    }

    /** Stores page by page through a 4 MiB shared mapping: the first SIGBUS is at page 256, byte 1,048,576. */
    static void storesPageByPageFaultAtTheFirstPageTheTmpfsHasNoRoomFor(Os os) {
        Mapping m = map(os, object(os, "/cap-fill", FOUR_MIB), FOUR_MIB);
        assertNoSpace(storeUntilFull(m, 0), Access.WRITE, m, TMPFS);
        assertEquals(1, m.getByte((TMPFS_PAGES - 1) * PAGE), "the pages before it were written");
    }

    /** A load of that page, or of any page never touched, is a SIGBUS too: a read allocates a page on tmpfs. */
    static void aLoadOfAPageNeverTouchedIsASigbusWhenFull(Os os) {
        Mapping m = map(os, object(os, "/cap-load", FOUR_MIB), FOUR_MIB);
        storeUntilFull(m, 0);
        assertEquals(1, m.getByte(10 * PAGE), "a page touched before reads fine");
        assertNoSpace(assertThrows(BusError.class, () -> m.getByte(TMPFS)), Access.READ, m, TMPFS);
        assertNoSpace(assertThrows(BusError.class, () -> m.getInt(1000 * PAGE + 8)), Access.READ, m, 1000 * PAGE + 8);
    }

    /**
     * When full, ftruncate to a larger size and shm_open(O_CREAT) succeed, sem_open(O_CREAT) fails with
     * ENOSPC (it must write the 32-byte sem.NAME file); an existing semaphore opens. A semaphore's file
     * takes a page: the fill stops one page earlier.
     */
    static void whenFullFtruncateAndShmOpenSucceedButSemOpenIsEnospc(Os os) {
        Semaphore existing = os.semOpen("/cap-sem", O_CREAT, 0600, 1);
        OpenFile fd = object(os, "/cap-full", FOUR_MIB);
        Mapping m = map(os, fd, FOUR_MIB);
        assertNoSpace(storeUntilFull(m, 0), Access.WRITE, m, TMPFS - PAGE);
        os.ftruncate(fd, 8L << 20);
        assertEquals(8L << 20, os.fstat(fd).size());
        os.close(os.shmOpen("/cap-new", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.ENOSPC, () -> os.semOpen("/cap-sem2", O_CREAT, 0600, 1));
        Semaphore again = os.semOpen("/cap-sem", O_CREAT, 0600, 1);
        assertEquals(1, os.semGetvalue(again), "an existing semaphore opens: nothing is written");
        os.semPost(existing);
        assertEquals(2, os.semGetvalue(again));
        assertErrno(Errno.ENOSPC, () -> os.semOpen("/cap-sem", O_CREAT | O_EXCL, 0600, 1));
        os.semUnlink("/cap-sem");
    }

    /** A first read or write through a private mapping allocates the object's page first: SIGBUS when full. */
    static void aPrivateMappingsFirstAccessAllocatesTheObjectsPage(Os os) {
        OpenFile filler = object(os, "/cap-filler", FOUR_MIB);
        storeUntilFull(map(os, filler, FOUR_MIB), 0);
        OpenFile fd = object(os, "/cap-private", 2 * PAGE);
        Mapping copy = os.mmap(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        assertNoSpace(assertThrows(BusError.class, () -> copy.getByte(0)), Access.READ, copy, 0);
        assertNoSpace(assertThrows(BusError.class, () -> copy.putByte(PAGE + 1, (byte) 7)), Access.WRITE, copy, PAGE + 1);
        os.ftruncate(filler, 0);
        copy.putByte(0, (byte) 7);
        assertEquals(7, copy.getByte(0));
        assertEquals(0, map(os, fd, PAGE).getByte(0), "the private copy is not the object's page");
    }

    /** Truncating an object gives its pages back. */
    static void truncatingGivesThePagesBack(Os os) {
        OpenFile fd = object(os, "/cap-trunc", FOUR_MIB);
        Mapping m = map(os, fd, FOUR_MIB);
        storeUntilFull(m, 0);
        os.ftruncate(fd, 0);
        os.ftruncate(fd, FOUR_MIB);
        assertEquals(0, m.getByte(0), "the pages came back as holes");
        assertNoSpace(storeUntilFull(m, 0), Access.WRITE, m, TMPFS);
    }

    /** An unlinked object gives its pages back only when no descriptor and no mapping is left. */
    static void unlinkGivesThePagesBackOnlyWhenNoDescriptorOrMappingIsLeft(Os os) {
        Mapping other = map(os, object(os, "/cap-other", PAGE), PAGE);
        OpenFile fd = object(os, "/cap-gone", FOUR_MIB);
        Mapping m = map(os, fd, FOUR_MIB);
        storeUntilFull(m, 0);
        os.shmUnlink("/cap-gone");
        assertNoSpace(assertThrows(BusError.class, () -> other.putByte(0, (byte) 1)), Access.WRITE, other, 0);
        os.munmap(m);
        assertNoSpace(assertThrows(BusError.class, () -> other.putByte(0, (byte) 1)), Access.WRITE, other, 0);
        os.close(fd);
        other.putByte(0, (byte) 1);
        assertEquals(1, other.getByte(0));
    }

    /**
     * A bulk copy that runs out stores nothing (shmlab refuses a bulk access whole); the pages before the
     * one the tmpfs has no room for are allocated, as a C copy would leave them.
     */
    static void aBulkCopyThatRunsOutStoresNothing(Os os) {
        Mapping m = map(os, object(os, "/cap-bulk", FOUR_MIB), FOUR_MIB);
        for (long page = 0; page < TMPFS_PAGES - 2; page++) {
            m.putByte(page * PAGE, (byte) 1);
        }
        byte[] three = new byte[3 * (int) PAGE];
        java.util.Arrays.fill(three, (byte) 0x5a);
        long at = (TMPFS_PAGES - 2) * PAGE;
        assertNoSpace(assertThrows(BusError.class, () -> m.put(at, three, 0, three.length)), Access.WRITE, m, TMPFS);
        assertEquals(0, m.getByte(at), "nothing was stored");
        Mapping other = map(os, object(os, "/cap-other", PAGE), PAGE);
        assertNoSpace(assertThrows(BusError.class, () -> other.getByte(0)), Access.READ, other, 0);
    }

    /**
     * A child of fork(2) meets the same full tmpfs: pages its parent touched are there, a page never
     * touched is a SIGBUS that kills it; the parent goes on (the simulator only: a JVM cannot fork).
     */
    static void aForkedChildMeetsTheSameFullTmpfs(Os os) {
        Mapping m = map(os, object(os, "/cap-fork", FOUR_MIB), FOUR_MIB);
        for (long page = 0; page < TMPFS_PAGES - 1; page++) {
            m.putByte(page * PAGE, (byte) 1);
        }
        int child = os.fork(c -> {
            m.putByte(0, (byte) 2);
            m.putByte((TMPFS_PAGES - 1) * PAGE, (byte) 3);
            m.putByte(TMPFS_PAGES * PAGE, (byte) 4);
            return 0;
        });
        assertEquals(128 + Signal.SIGBUS.number(), os.waitpid(child), "the child was killed by SIGBUS");
        assertEquals(2, m.getByte(0));
        assertEquals(3, m.getByte((TMPFS_PAGES - 1) * PAGE), "the child's last page is shared");
        assertNoSpace(assertThrows(BusError.class, () -> m.putByte(TMPFS + PAGE, (byte) 1)), Access.WRITE, m, TMPFS + PAGE);
    }
}
