package io.shmlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The words of each fault, as both backends print them: the replayed timelines and the contract
 * suite depend on them staying the same.
 */
class MemoryFaultWordingTest {

    @Test
    void anAccessPastTheMappingFaultsAtTheFirstPageAfterIt() {
        MemoryFault f = SegmentationFault.outsideMapping(Access.READ, 0x7000_0000L, 0x1ffcL, 0x1000L);
        assertEquals("SIGSEGV at 0x70001ffc (offset 0x1ffc in the mapping): read outside the mapping "
                + "(4096 bytes in whole pages)", f.getMessage());
        assertEquals(FaultKind.NOT_MAPPED, f.kind());
        MemoryFault straddling = SegmentationFault.outsideMapping(Access.WRITE, 0x7000_0000L, 0xffcL, 0x1000L);
        assertEquals(0x7000_1000L, straddling.address(), "the first byte outside, not the access's start");
        assertEquals(0x1000L, straddling.offset());
    }

    @Test
    void anAccessBeforeTheMappingFaultsWhereItStarts() {
        MemoryFault f = SegmentationFault.outsideMapping(Access.WRITE, 0x7000_0000L, -8, 0x1000L);
        assertEquals("SIGSEGV at 0x6ffffff8 (offset -0x8 in the mapping): write outside the mapping "
                + "(4096 bytes in whole pages)", f.getMessage());
    }

    @Test
    void eachOtherSegmentationFaultSaysWhy() {
        assertEquals("SIGSEGV at 0x1010 (offset 0x10 in the mapping): read of an address no longer mapped (munmap)",
                SegmentationFault.unmapped(Access.READ, 0x1010, 0x10).getMessage());
        assertEquals("SIGSEGV at 0x1234 (offset 0x0 in the mapping): read of an address outside every mapping "
                + "of process 7", SegmentationFault.outsideEveryMapping(Access.READ, 0x1234, 7).getMessage());
        assertEquals("SIGSEGV at 0x2000 (offset 0x0 in the mapping): write through the named semaphore "
                + "\"/x\" after its last sem_close",
                SegmentationFault.afterLastSemClose(Access.WRITE, 0x2000, 0, "\"/x\"").getMessage());
        MemoryFault refused = SegmentationFault.refusedByProtection(Access.WRITE, 0x3004, 4, Protection.PROT_READ);
        assertEquals("SIGSEGV at 0x3004 (offset 0x4 in the mapping): write refused by the mapping's protection "
                + Protection.describe(Protection.PROT_READ), refused.getMessage());
        assertEquals(FaultKind.PROTECTION, refused.kind());
    }

    @Test
    void aPagePastTheObjectIsABusError() {
        BusError f = BusError.pastEndOfObject(Access.READ, 0x7f00_0010_1000L, 0x100400L, 1024);
        assertEquals("SIGBUS at 0x7f0000101000 (offset 0x100400 in the mapping): read of a page past the end of "
                + "the object (size 1024)", f.getMessage());
        assertEquals(FaultKind.PAST_END_OF_OBJECT, f.kind());
        assertEquals(Signal.SIGBUS, f.signal());
    }
}
