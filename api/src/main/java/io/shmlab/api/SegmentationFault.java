package io.shmlab.api;

/**
 * SIGSEGV: an access outside every mapping of the process (before it, past it, after munmap(2)),
 * or one its protection refuses (a store to a PROT_READ mapping, anything on PROT_NONE).
 *
 * <p>The static factories are the one wording of each such fault that both backends raise, so that
 * the same access reads the same on both.
 */
public final class SegmentationFault extends MemoryFault {
    private static final long serialVersionUID = 1L;

    SegmentationFault(FaultKind kind, Access access, long address, long offset, String reason) {
        super(kind, access, address, offset, reason);
    }

    /**
     * An access through a mapping that runs outside its pages: NOT_MAPPED at the first byte of the
     * access outside them, as the kernel's {@code si_addr} gives it (the access itself when it starts
     * before the mapping, else the end of the mapping's pages).
     *
     * @param mappingAddress where the mapping starts
     * @param offset the offset of the access in the mapping
     * @param extent the mapping's length rounded up to whole pages
     */
    public static SegmentationFault outsideMapping(Access access, long mappingAddress, long offset, long extent) {
        long bad = offset < 0 ? offset : Math.max(offset, extent);
        return new SegmentationFault(FaultKind.NOT_MAPPED, access, mappingAddress + bad, bad,
                "outside the mapping (" + extent + " bytes in whole pages)");
    }

    /** An access through a mapping that munmap(2) removed: NOT_MAPPED. */
    public static SegmentationFault unmapped(Access access, long address, long offset) {
        return new SegmentationFault(FaultKind.NOT_MAPPED, access, address, offset,
                "of an address no longer mapped (munmap)");
    }

    /** An access to a page of a mapping that munmap(2) took out of it, the rest still mapped. */
    public static SegmentationFault partlyUnmapped(Access access, long address, long offset) {
        return new SegmentationFault(FaultKind.NOT_MAPPED, access, address, offset,
                "of an address no longer mapped (munmap of part of the mapping)");
    }

    /** A pointer that no mapping of process {@code pid} contains: NOT_MAPPED. */
    public static SegmentationFault outsideEveryMapping(Access access, long address, int pid) {
        return new SegmentationFault(FaultKind.NOT_MAPPED, access, address, 0,
                "of an address outside every mapping of process " + pid);
    }

    /**
     * An access through a named semaphore the process has sem_close(3)d for the last time (glibc
     * unmapped its page): NOT_MAPPED.
     *
     * @param semaphore the semaphore as the call describes it
     */
    public static SegmentationFault afterLastSemClose(Access access, long address, long offset, String semaphore) {
        return new SegmentationFault(FaultKind.NOT_MAPPED, access, address, offset,
                "through the named semaphore " + semaphore + " after its last sem_close");
    }

    /** An access the mapping's protection refuses: PROTECTION. */
    public static SegmentationFault refusedByProtection(Access access, long address, long offset, int protection) {
        return new SegmentationFault(FaultKind.PROTECTION, access, address, offset,
                "refused by the mapping's protection " + Protection.describe(protection));
    }
}
