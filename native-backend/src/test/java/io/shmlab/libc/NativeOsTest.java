package io.shmlab.libc;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Machine;
import io.shmlab.api.Mapping;
import io.shmlab.api.MapFlags;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Timespec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native backend against the real kernel, in this JVM. */
class NativeOsTest {
    private Machine machine;
    private Os os;
    private final List<String> shmNames = new ArrayList<>();
    private final List<String> semNames = new ArrayList<>();

    @BeforeEach
    void boot() {
        NativeBackend backend = new NativeBackend();
        assumeTrue(backend.unavailableReason() == null, backend.unavailableReason());
        machine = backend.boot();
        os = machine.spawn();
    }

    @AfterEach
    void cleanUp() {
        for (String name : shmNames) {
            try {
                os.shmUnlink(name);
            } catch (PosixException ignored) {
                // already gone
            }
        }
        for (String name : semNames) {
            try {
                os.semUnlink(name);
            } catch (PosixException ignored) {
                // already gone
            }
        }
    }

    private String shmName() {
        String name = "/shmlab-native-test-" + UUID.randomUUID();
        shmNames.add(name);
        return name;
    }

    private String semName() {
        String name = "/shmlab-native-test-" + UUID.randomUUID();
        semNames.add(name);
        return name;
    }

    @Test
    void dataWrittenThroughOneMappingIsReadThroughAnother() {
        String name = shmName();
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        os.ftruncate(fd, 1024);
        Mapping a = os.mmap(1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping b = machine.spawn().mmap(1024, PROT_READ, MAP_SHARED, fd, 0);
        a.putInt(0, 42);
        a.putCString(4, "hello");
        a.putLong(1016, -7L);
        assertEquals(42, b.getInt(0));
        assertEquals("hello", b.getCString(4, 1020));
        assertEquals(-7L, b.getLong(1016));
        assertEquals(1024, os.fstat(fd).size());
        assertEquals(0600, os.fstat(fd).mode());
        assertTrue(machine.listShm().contains(name.substring(1)));
        os.close(fd);
        assertEquals(42, a.getInt(0), "a mapping outlives its descriptor");
    }

    @Test
    void secondExclusiveCreateFailsWithEexist() {
        String name = shmName();
        os.close(os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600));
        PosixException e = assertThrows(PosixException.class, () -> os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("shm_open(\"" + name + "\"): EEXIST (File exists)", e.getMessage());
    }

    @Test
    void namesAreJudgedByGlibc() {
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class, () -> os.shmOpen("", O_RDWR | O_CREAT, 0600)).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class, () -> os.shmOpen("/a/b", O_RDWR | O_CREAT, 0600)).errno());
        assertEquals(Errno.ENOENT, assertThrows(PosixException.class, () -> os.shmUnlink(shmName())).errno());
        assertEquals(Errno.ENAMETOOLONG,
                assertThrows(PosixException.class, () -> os.semOpen("/" + "x".repeat(252), O_CREAT, 0600, 0)).errno());
    }

    @Test
    void accessOutsideTheMappingIsSegvNotMapped() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        MemoryFault f = assertThrows(SegmentationFault.class, () -> m.getByte(-1));
        assertEquals(FaultKind.NOT_MAPPED, f.kind());
        assertEquals(Access.READ, f.access());
        MemoryFault straddling = assertThrows(SegmentationFault.class, () -> m.putInt(4094, 1));
        assertEquals(4096, straddling.offset(), "the first byte outside, as si_addr gives it");
        os.munmap(m);
        assertEquals(FaultKind.NOT_MAPPED, assertThrows(SegmentationFault.class, () -> m.getByte(0)).kind());
        os.munmap(m);
    }

    @Test
    void storeToReadOnlyMappingIsSegvProtectionAndWriteImpliesRead() {
        Mapping ro = os.mmapAnonymous(4096, PROT_READ, MapFlags.MAP_PRIVATE);
        assertEquals(0, ro.getInt(0));
        MemoryFault f = assertThrows(SegmentationFault.class, () -> ro.putInt(0, 1));
        assertEquals(FaultKind.PROTECTION, f.kind());
        assertEquals(Access.WRITE, f.access());
        Mapping wo = os.mmapAnonymous(4096, PROT_WRITE, MapFlags.MAP_PRIVATE);
        wo.putInt(0, 5);
        assertEquals(5, wo.getInt(0));
        os.munmap(ro);
        os.munmap(wo);
    }

    @Test
    void pageWhollyPastTheEndOfTheObjectIsSigbusAndTheTailOfTheLastPageReadsZero() {
        String name = shmName();
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        os.ftruncate(fd, 1024);
        Mapping m = os.mmap(4 * 1024 * 1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertEquals(0, m.getByte(2000));
        BusError e = assertThrows(BusError.class, () -> m.getByte(1025 * 1024));
        assertEquals(FaultKind.PAST_END_OF_OBJECT, e.kind());
        assertTrue(e.getMessage().contains("size 1024"), e.getMessage());
        os.ftruncate(fd, 2 * 1024 * 1024);
        m.putByte(1025 * 1024, (byte) 1);
        os.ftruncate(fd, 100);
        assertThrows(BusError.class, () -> m.getByte(4096));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void growthByAnotherDescriptorIsSeenOnTheSlowPath() {
        String name = shmName();
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        Mapping m = os.mmap(8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertThrows(BusError.class, () -> m.getByte(0));
        os.ftruncate(fd, 4096);
        BusError straddling = assertThrows(BusError.class, () -> m.getLong(4092));
        assertEquals(4096, straddling.offset(), "the first byte in a page past the end");
        os.ftruncate(fd, 0);
        OpenFile other = os.shmOpen(name, O_RDWR, 0);
        os.ftruncate(other, 8192);
        m.putLong(8184, 9);
        assertEquals(9, m.getLong(8184));
        os.close(other);
        os.close(fd);
        os.munmap(m);
    }

    @Test
    void atomicsWorkOnAlignedOffsetsOnly() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        assertTrue(m.compareAndSetInt(8, 0, 5));
        assertFalse(m.compareAndSetInt(8, 0, 6));
        assertEquals(5, m.getAndAddInt(8, 2));
        assertEquals(7, m.getInt(8));
        assertEquals(0, m.getAndAddLong(16, 3));
        assertTrue(m.compareAndSetLong(16, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> m.getAndAddInt(2, 1));
        os.munmap(m);
    }

    @Test
    void mappingAtFindsTheMappingThatHoldsTheAddress() {
        Mapping m = os.mmapAnonymous(8192, PROT_READ | PROT_WRITE, MAP_SHARED);
        assertSame(m, os.mappingAt(m.address() + 5000));
        os.munmap(m);
        assertEquals(FaultKind.NOT_MAPPED, assertThrows(SegmentationFault.class, () -> os.mappingAt(m.address())).kind());
    }

    @Test
    void unnamedSemaphoreInAMappingCountsAndTrywaitOnZeroReturnsFalse() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore s = os.semInit(m, 64, true, 1);
        assertEquals(1, os.semGetvalue(os.semAt(m, 64)));
        os.semWait(s);
        assertFalse(os.semTrywait(s));
        os.semPost(s);
        assertTrue(os.semTrywait(s));
        Timespec past = os.clockGettime();
        assertFalse(os.semTimedwait(s, past));
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.semTimedwait(s, new Timespec(past.seconds(), -1))).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class, () -> os.semInit(m, 0, true, 1L << 31)).errno());
        os.semDestroy(s);
        os.munmap(m);
        assertThrows(SegmentationFault.class, () -> os.semPost(s));
    }

    @Test
    void semPostAtTheMaximumIsEoverflow() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore s = os.semInit(m, 0, false, Integer.MAX_VALUE);
        PosixException e = assertThrows(PosixException.class, () -> os.semPost(s));
        assertEquals(Errno.EOVERFLOW, e.errno());
        assertEquals("sem_post", e.call());
        os.munmap(m);
    }

    @Test
    void namedSemaphoreAppearsInDevShmAndFaultsAfterItsLastClose() {
        String name = semName();
        Semaphore a = os.semOpen(name, O_CREAT | O_EXCL, 0600, 0);
        Semaphore b = machine.spawn().semOpen(name, O_RDONLY);
        assertEquals(a.address(), b.address(), "glibc maps a name once per process");
        assertTrue(machine.listShm().contains(ShmNamespace.semaphoreFile(name)));
        os.semPost(b);
        assertTrue(os.semTimedwait(a, os.clockGettime().plus(Duration.ofSeconds(5))));
        os.semClose(b);
        os.semPost(a);
        os.semClose(a);
        assertThrows(SegmentationFault.class, () -> os.semPost(a));
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class, () -> os.semClose(a)).errno());
    }

    @Test
    void forkIsEnosysAndWaitpidEchild() {
        assertEquals(Errno.ENOSYS, assertThrows(PosixException.class, () -> os.fork(o -> 0)).errno());
        assertEquals(Errno.ECHILD, assertThrows(PosixException.class, () -> os.waitpid(1)).errno());
    }

    @Test
    void sleepWaitsAtLeastTheDuration() {
        long before = System.nanoTime();
        os.sleep(Duration.ofMillis(20));
        assertTrue(System.nanoTime() - before >= 20_000_000L);
        assertEquals(ProcessHandle.current().pid(), os.pid());
    }

    @Test
    void bulkCopiesRoundTrip() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        m.put(100, data, 0, 256);
        assertArrayEquals(data, m.getBytes(100, 256));
        m.fill(100, 10, (byte) 7);
        assertEquals(7, m.getByte(109));
        assertEquals(10, m.getByte(110));
        os.munmap(m);
    }
}
