package io.shmlab.api;

/**
 * SIGSEGV: an access outside every mapping of the process (before it, past it, after munmap(2)),
 * or one its protection refuses (a store to a PROT_READ mapping, anything on PROT_NONE).
 */
public final class SegmentationFault extends MemoryFault {
    private static final long serialVersionUID = 1L;

    SegmentationFault(FaultKind kind, Access access, long address, long offset, String reason) {
        super(kind, access, address, offset, reason);
    }
}
