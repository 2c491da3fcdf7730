package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_WRONLY;
import static io.shmlab.api.Protection.PROT_NONE;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Signal;
import io.shmlab.api.SyncFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Mappings and memory faults: mmap(2), munmap(2), msync(2), loads and stores through a mapping, and
 * where Linux raises SIGBUS or SIGSEGV (the seed's Exercise 1 questions).
 */
public abstract class MappingContract extends ContractSupport {

    private OpenFile object(String what, long size) {
        OpenFile fd = os.shmOpen(shmName(what), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, size);
        return fd;
    }

    private static MemoryFault assertFault(FaultKind kind, Access access, Executable call) {
        MemoryFault fault = assertThrows(MemoryFault.class, call);
        assertEquals(kind, fault.kind(), fault.getMessage());
        assertEquals(access, fault.access(), fault.getMessage());
        return fault;
    }

    @Test
    void storesThroughOneMappingAreSeenThroughAnother() {
        OpenFile fd = object("shared", 1024);
        Mapping a = os.mmap(1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping b = os.mmap(1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertNotEquals(a.address(), b.address());
        a.putInt(0, 42);
        a.putCString(4, "hello");
        assertEquals(42, b.getInt(0));
        assertEquals("hello", b.getCString(4, 1020));
        os.munmap(a);
        os.munmap(b);
        os.close(fd);
    }

    @Test
    void storesAreSeenByAnotherProcessMappingTheSameName() {
        String name = shmName("twoprocs");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        Mapping mine = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Os other = machine.spawn();
        OpenFile theirFd = other.shmOpen(name, O_RDWR, 0);
        Mapping theirs = other.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, theirFd, 0);
        mine.putLong(8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, theirs.getLong(8));
        theirs.putShort(100, (short) -2);
        assertEquals((short) -2, mine.getShort(100));
        other.munmap(theirs);
        other.close(theirFd);
        os.munmap(mine);
        os.close(fd);
    }

    @Test
    void valuesAreLittleEndian() {
        OpenFile fd = object("endian", 64);
        Mapping m = os.mmap(64, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.putInt(0, 0x01020304);
        assertArrayEquals(new byte[] {4, 3, 2, 1}, m.getBytes(0, 4));
        m.putLong(8, 1L);
        assertEquals(1, m.getByte(8));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void aNewObjectReadsAsZeros() {
        OpenFile fd = object("zeros", 10000);
        Mapping m = os.mmap(10000, PROT_READ, MAP_SHARED, fd, 0);
        assertArrayEquals(new byte[10000], m.getBytes(0, 10000));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void bulkCopiesAndFillRoundTrip() {
        OpenFile fd = object("bulk", 8192);
        Mapping m = os.mmap(8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        byte[] data = new byte[5000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        m.put(100, data, 0, data.length);
        assertArrayEquals(data, m.getBytes(100, data.length));
        m.fill(0, 50, (byte) 'z');
        assertEquals("z".repeat(50), m.getCString(0, 50));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void atomicsCompareAndAdd() {
        OpenFile fd = object("atomic", 64);
        Mapping m = os.mmap(64, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertTrue(m.compareAndSetInt(0, 0, 5));
        assertFalse(m.compareAndSetInt(0, 0, 6));
        assertEquals(5, m.getAndAddInt(0, 3));
        assertEquals(8, m.getInt(0));
        assertTrue(m.compareAndSetLong(8, 0, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, m.getAndAddLong(8, 1));
        assertEquals(Long.MIN_VALUE, m.getLong(8));
        assertThrows(IllegalArgumentException.class, () -> m.getAndAddInt(2, 1));
        os.munmap(m);
        os.close(fd);
    }

    /**
     * The seed's example address {@code data + 1025*1024} lies past a 1024*1024 mapping, not inside
     * it; an address inside the mapping and past the object's pages, such as {@code data + 1023*1024},
     * is the SIGBUS the exercise means.
     */
    @Test
    void seedAccessPastTheObjectInsideTheMappingIsSigbus() {
        OpenFile fd = object("sigbus", 1024);
        Mapping m = os.mmap(1024 * 1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        MemoryFault fault = assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> m.getByte(1023 * 1024));
        assertTrue(fault instanceof BusError);
        assertEquals(Signal.SIGBUS, fault.signal());
        assertEquals(1023 * 1024, fault.offset());
        assertEquals(m.address() + 1023 * 1024, fault.address());
        assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> m.getByte(1025 * 1024));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE, () -> m.putByte(Limits.PAGE_SIZE, (byte) 1));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void theTailOfTheLastPartialPageReadsAsZeroWithoutFault() {
        OpenFile fd = object("tail", 1024);
        Mapping m = os.mmap(3 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertEquals(0, m.getByte(1024));
        assertEquals(0, m.getByte(Limits.PAGE_SIZE - 1));
        m.putByte(Limits.PAGE_SIZE - 1, (byte) 9);
        assertEquals(9, m.getByte(Limits.PAGE_SIZE - 1));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> m.getByte(Limits.PAGE_SIZE));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void anAccessThatStraddlesTheLastPageFaults() {
        OpenFile fd = object("straddle", Limits.PAGE_SIZE);
        Mapping m = os.mmap(2 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> m.getLong(Limits.PAGE_SIZE - 4));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void aBulkStoreThatFaultsStoresNothing() {
        OpenFile fd = object("bulkfault", 1);
        Mapping m = os.mmap(2 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE, () -> m.fill(0, Limits.PAGE_SIZE + 1, (byte) 1));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE,
                () -> m.put(Limits.PAGE_SIZE - 2, new byte[] {1, 2, 3, 4}, 0, 4));
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.WRITE, () -> m.putLong(Limits.PAGE_SIZE - 4, -1L));
        assertArrayEquals(new byte[Limits.PAGE_SIZE], m.getBytes(0, Limits.PAGE_SIZE));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void seedAccessBeforeTheMappingIsSigsegv() {
        OpenFile fd = object("before", 1024);
        Mapping m = os.mmap(1024 * 1024, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        MemoryFault fault = assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> m.getByte(-1));
        assertTrue(fault instanceof SegmentationFault);
        assertEquals(Signal.SIGSEGV, fault.signal());
        assertEquals(m.address() - 1, fault.address());
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void anAccessPastTheMappingIsSigsegv() {
        OpenFile fd = object("after", 8192);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertFault(FaultKind.NOT_MAPPED, Access.WRITE, () -> m.putInt(4096, 1));
        assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> m.getInt(4094));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void theRestOfTheLastPageOfAMappingIsMappedToo() {
        OpenFile fd = object("wholepage", 2 * Limits.PAGE_SIZE);
        Mapping m = os.mmap(1, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.putInt(100, 5);
        assertEquals(5, m.getInt(100));
        assertEquals(0, m.getByte(Limits.PAGE_SIZE - 1));
        assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> m.getByte(Limits.PAGE_SIZE));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void aStoreToAReadOnlyMappingIsSigsegv() {
        OpenFile fd = object("readonly", 1024);
        Mapping m = os.mmap(1024, PROT_READ, MAP_SHARED, fd, 0);
        assertEquals(0, m.getInt(0));
        MemoryFault fault = assertFault(FaultKind.PROTECTION, Access.WRITE, () -> m.putInt(0, 1));
        assertEquals(Signal.SIGSEGV, fault.signal());
        assertFault(FaultKind.PROTECTION, Access.WRITE, () -> m.compareAndSetInt(0, 0, 1));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void protNoneRefusesEveryAccessAndWriteImpliesRead() {
        OpenFile fd = object("protnone", 4096);
        Mapping none = os.mmap(4096, PROT_NONE, MAP_SHARED, fd, 0);
        assertFault(FaultKind.PROTECTION, Access.READ, () -> none.getByte(0));
        Mapping writeOnly = os.mmap(4096, PROT_WRITE, MAP_SHARED, fd, 0);
        writeOnly.putByte(0, (byte) 3);
        assertEquals(3, writeOnly.getByte(0), "on x86_64 PROT_WRITE pages are readable");
        os.munmap(none);
        os.munmap(writeOnly);
        os.close(fd);
    }

    @Test
    void anAccessAfterMunmapIsSigsegvAndASecondMunmapIsHarmless() {
        OpenFile fd = object("unmapped", 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.munmap(m);
        assertFault(FaultKind.NOT_MAPPED, Access.READ, () -> m.getByte(0));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void theMappingOutlivesItsDescriptorAndTheName() {
        String name = shmName("outlive");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        os.shmUnlink(name);
        m.putInt(0, 7);
        assertEquals(7, m.getInt(0));
        os.munmap(m);
    }

    @Test
    void mmapArgumentsAreCheckedAsLinuxChecksThem() {
        OpenFile fd = object("badargs", 8192);
        assertErrno(Errno.EINVAL, () -> os.mmap(0, PROT_READ, MAP_SHARED, fd, 0));
        assertErrno(Errno.EINVAL, () -> os.mmap(4096, PROT_READ, MAP_SHARED, fd, 100));
        assertErrno(Errno.EINVAL, () -> os.mmap(4096, PROT_READ, 0, fd, 0));
        assertErrno(Errno.EOVERFLOW, () -> os.mmap(4096, PROT_READ, MAP_SHARED, fd, -4096));
        assertErrno(Errno.ENOMEM, () -> os.mmap(1L << 62, PROT_READ, MAP_SHARED, fd, 0));
        os.close(fd);
        assertErrno(Errno.EBADF, () -> os.mmap(4096, PROT_READ, MAP_SHARED, fd, 0));
    }

    @Test
    void writableSharedMappingOfAReadOnlyDescriptorIsEacces() {
        String name = shmName("rofd");
        OpenFile rw = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(rw, 4096);
        OpenFile ro = os.shmOpen(name, O_RDONLY, 0);
        assertErrno(Errno.EACCES, () -> os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
        Mapping readable = os.mmap(4096, PROT_READ, MAP_SHARED, ro, 0);
        Mapping privateCopy = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
        privateCopy.putInt(0, 5);
        assertEquals(0, readable.getInt(0), "a private copy is not carried to the object");
        OpenFile wo = os.shmOpen(name, O_WRONLY, 0);
        assertErrno(Errno.EACCES, () -> os.mmap(4096, PROT_READ, MAP_SHARED, wo, 0));
        os.munmap(readable);
        os.munmap(privateCopy);
        os.close(wo);
        os.close(ro);
        os.close(rw);
    }

    @Test
    void privateMappingsCopyOnWrite() {
        OpenFile fd = object("cow", 4096);
        Mapping shared = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping copy = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        shared.putInt(0, 1);
        assertEquals(1, copy.getInt(0), "before its first store a private mapping sees the object");
        copy.putInt(0, 2);
        assertEquals(1, shared.getInt(0));
        assertEquals(2, copy.getInt(0));
        os.munmap(shared);
        os.munmap(copy);
        os.close(fd);
    }

    @Test
    void mappingAtAnOffsetSeesThatPartOfTheObject() {
        OpenFile fd = object("offset", 3 * Limits.PAGE_SIZE);
        Mapping whole = os.mmap(3 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping second = os.mmap(Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, Limits.PAGE_SIZE);
        whole.putInt(Limits.PAGE_SIZE + 8, 99);
        assertEquals(99, second.getInt(8));
        assertEquals(Limits.PAGE_SIZE, second.fileOffset());
        os.munmap(whole);
        os.munmap(second);
        os.close(fd);
    }

    @Test
    void shrinkingTheObjectMakesTheMappingFaultAndGrowingHealsIt() {
        OpenFile fd = object("shrink", 2 * Limits.PAGE_SIZE);
        Mapping m = os.mmap(2 * Limits.PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.putInt(Limits.PAGE_SIZE, 5);
        os.ftruncate(fd, 100);
        assertFault(FaultKind.PAST_END_OF_OBJECT, Access.READ, () -> m.getInt(Limits.PAGE_SIZE));
        os.ftruncate(fd, 2 * Limits.PAGE_SIZE);
        assertEquals(0, m.getInt(Limits.PAGE_SIZE), "dropped pages come back as zeros");
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void anonymousMemoryIsZeroedAndNeverSigbus() {
        Mapping m = os.mmapAnonymous(8192, PROT_READ | PROT_WRITE, MAP_SHARED | MapFlags.MAP_ANONYMOUS);
        assertEquals(0, m.getLong(8184));
        m.putLong(8184, 3);
        assertEquals(3, m.getLong(8184));
        assertEquals(null, m.objectName());
        os.munmap(m);
    }

    @Test
    void msyncChecksItsArguments() {
        OpenFile fd = object("msync", 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.msync(m, 0, 4096, SyncFlags.MS_SYNC);
        os.msync(m, 0, 10, SyncFlags.MS_ASYNC);
        assertErrno(Errno.EINVAL, () -> os.msync(m, 1, 10, SyncFlags.MS_SYNC));
        assertErrno(Errno.EINVAL, () -> os.msync(m, 0, 10, SyncFlags.MS_SYNC | SyncFlags.MS_ASYNC));
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void mappingAtFindsTheMappingOfAnAddressOrFaults() {
        OpenFile fd = object("at", 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertEquals(m.address(), os.mappingAt(m.address() + 100).address());
        assertThrows(SegmentationFault.class, () -> os.mappingAt(m.address() - 1));
        os.munmap(m);
        assertThrows(SegmentationFault.class, () -> os.mappingAt(m.address()));
        os.close(fd);
    }
}
