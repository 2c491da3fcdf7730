package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_WRONLY;
import static io.shmlab.api.Protection.PROT_NONE;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Ending;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Signal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's accesses, and the other places Linux raises SIGBUS and SIGSEGV. */
class MemoryFaultTest {
    private static final long MIB = 1024 * 1024;

    private final SimMachine machine = SimMachine.builder().seed(7).build();
    private final SimOs os = machine.spawn();

    @AfterEach
    void close() {
        machine.close();
    }

    private Mapping oneMibOverA1024ByteObject(int prot) {
        OpenFile fd = os.shmOpen("/os_cp", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 1024);
        return os.mmap(MIB, prot, MAP_SHARED, fd, 0);
    }

    @Test
    void pastThePagesOfTheObjectInsideTheMappingIsSigbus() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ | PROT_WRITE);
        BusError e = assertThrows(BusError.class, () -> m.getByte(MIB - 1));
        assertEquals(FaultKind.PAST_END_OF_OBJECT, e.kind());
        assertEquals(Signal.SIGBUS, e.signal());
        assertEquals(m.address() + MIB - 1, e.address());
        assertEquals(MIB - 1, e.offset());
        assertTrue(e.getMessage().contains("size 1024"), e.getMessage());
        assertThrows(BusError.class, () -> m.putInt(4096, 1));
    }

    @Test
    void theTailOfTheLastPartialPageReadsZeroAndDoesNotFault() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ | PROT_WRITE);
        assertEquals(0, m.getByte(1024));
        assertEquals(0, m.getLong(4088));
        m.putByte(4095, (byte) 1);
        assertEquals(1, m.getByte(4095));
    }

    @Test
    void beforeTheMappingIsSigsegv() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ | PROT_WRITE);
        SegmentationFault e = assertThrows(SegmentationFault.class, () -> m.getByte(-1));
        assertEquals(FaultKind.NOT_MAPPED, e.kind());
        assertEquals(m.address() - 1, e.address());
        assertThrows(SegmentationFault.class, () -> os.mappingAt(m.address() - 1));
        assertEquals(m.address(), os.mappingAt(m.address() + 100).address());
    }

    @Test
    void aStoreToAReadOnlyMappingIsSigsegvAndLeavesMemoryAlone() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ);
        SegmentationFault e = assertThrows(SegmentationFault.class, () -> m.putByte(0, (byte) 1));
        assertEquals(FaultKind.PROTECTION, e.kind());
        assertEquals(Access.WRITE, e.access());
        assertEquals(0, m.getByte(0));
    }

    @Test
    void protNoneRefusesLoads() {
        Mapping m = oneMibOverA1024ByteObject(PROT_NONE);
        assertEquals(FaultKind.PROTECTION, assertThrows(SegmentationFault.class, () -> m.getByte(0)).kind());
    }

    @Test
    void anAccessStraddlingTheEndOfTheMappingIsSigsegv() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ | PROT_WRITE);
        Mapping small = os.mmapAnonymous(10, PROT_READ | PROT_WRITE, MAP_PRIVATE);
        assertEquals(0, small.getInt(8), "the rest of the page is mapped too");
        SegmentationFault e = assertThrows(SegmentationFault.class, () -> small.getInt(Limits.PAGE_SIZE - 2));
        assertEquals(small.address() + Limits.PAGE_SIZE, e.address());
        assertEquals(0, m.getInt(0));
    }

    @Test
    void afterMunmapEveryAccessIsSigsegv() {
        Mapping m = oneMibOverA1024ByteObject(PROT_READ | PROT_WRITE);
        m.putInt(0, 5);
        os.munmap(m);
        assertEquals(FaultKind.NOT_MAPPED, assertThrows(SegmentationFault.class, () -> m.getInt(0)).kind());
        os.munmap(m);
    }

    @Test
    void shrinkingTheObjectMakesAMappingFault() {
        OpenFile fd = os.shmOpen("/shrink", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 3 * 4096);
        Mapping m = os.mmap(3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.putInt(2 * 4096, 7);
        m.putInt(100, 9);
        os.ftruncate(fd, 50);
        assertThrows(BusError.class, () -> m.getInt(2 * 4096));
        assertThrows(BusError.class, () -> m.getInt(4096));
        assertEquals(0, m.getInt(100), "the tail of the new last page is zeroed");
        os.ftruncate(fd, 3 * 4096);
        assertEquals(0, m.getInt(2 * 4096), "growing again gives zero pages, not the old bytes");
    }

    @Test
    void writableSharedMappingOfAReadOnlyDescriptorIsEacces() {
        os.ftruncate(os.shmOpen("/ro", O_CREAT | O_RDWR, 0600), 4096);
        OpenFile ro = os.shmOpen("/ro", O_RDONLY, 0);
        assertEquals(Errno.EACCES, assertThrows(PosixException.class,
                () -> os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0)).errno());
        Mapping priv = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
        priv.putInt(0, 1);
        OpenFile wo = os.shmOpen("/ro", O_WRONLY, 0);
        assertEquals(Errno.EACCES, assertThrows(PosixException.class,
                () -> os.mmap(4096, PROT_READ, MAP_SHARED, wo, 0)).errno());
    }

    @Test
    void badMmapArgumentsGiveLinuxErrnos() {
        OpenFile fd = os.shmOpen("/args", O_CREAT | O_RDWR, 0600);
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.mmap(0, PROT_READ, MAP_SHARED, fd, 0)).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.mmap(4096, PROT_READ, MAP_SHARED, fd, 100)).errno());
        assertEquals(Errno.EOVERFLOW, assertThrows(PosixException.class,
                () -> os.mmap(4096, PROT_READ, MAP_SHARED, fd, -4096)).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.mmap(4096, PROT_READ, 0, fd, 0)).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.mmapAnonymous(0, PROT_READ, MAP_SHARED)).errno());
    }

    @Test
    void anUncaughtFaultKillsOnlyThatProcess() {
        os.ftruncate(os.shmOpen("/kill", O_CREAT | O_RDWR, 0600), 1024);
        SimProcess victim = machine.launch("victim", p -> {
            OpenFile fd = p.shmOpen("/kill", O_RDWR, 0);
            Mapping m = p.mmap(MIB, PROT_READ, MAP_SHARED, fd, 0);
            p.println("about to read");
            return m.getByte(8192);
        });
        SimProcess bystander = machine.launch("bystander", p -> {
            p.println("still here");
            return 0;
        });
        Ending ending = victim.awaitEnd(Duration.ofSeconds(10)).orElseThrow();
        Ending.Killed killed = assertInstanceOf(Ending.Killed.class, ending);
        assertEquals(Signal.SIGBUS, killed.signal());
        assertTrue(killed.detail().contains("offset 0x2000"), killed.detail());
        assertEquals("about to read\n", victim.output());
        assertEquals(new Ending.Exited(0), bystander.awaitEnd(Duration.ofSeconds(10)).orElseThrow());
        assertEquals("still here\n", bystander.output());
    }

    @Test
    void misalignedAtomicsAreRefused() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        assertThrows(IllegalArgumentException.class, () -> m.compareAndSetInt(2, 0, 1));
        assertTrue(m.compareAndSetLong(8, 0, 1));
        assertEquals(1, m.getAndAddLong(8, 1));
        assertEquals(2, m.getLong(8));
    }

    @Test
    void valuesStraddlingAPageBoundaryAreLittleEndian() {
        Mapping m = os.mmapAnonymous(8192, PROT_READ | PROT_WRITE, MAP_PRIVATE);
        m.putLong(4092, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, m.getLong(4092));
        assertEquals(0x08, m.getByte(4092));
        assertEquals(0x05060708, m.getInt(4092));
        byte[] bytes = new byte[5000];
        bytes[4999] = 9;
        m.putBytes(100, bytes);
        assertEquals(9, m.getByte(5099));
    }
}
