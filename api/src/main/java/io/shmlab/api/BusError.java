package io.shmlab.api;

/**
 * SIGBUS: an access inside a mapping to a page that lies wholly past the end of the mapped object
 * (mmap(2) "Attempted access to a portion of the buffer that does not correspond to the file").
 */
public final class BusError extends MemoryFault {
    private static final long serialVersionUID = 1L;

    BusError(FaultKind kind, Access access, long address, long offset, String reason) {
        super(kind, access, address, offset, reason);
    }
}
