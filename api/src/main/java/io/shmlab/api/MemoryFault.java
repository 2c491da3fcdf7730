package io.shmlab.api;

/**
 * A memory access the kernel answered with a signal: SIGBUS ({@link BusError}) or SIGSEGV
 * ({@link SegmentationFault}). Both backends throw it for the same access, before any memory is
 * touched; an uncaught one ends the process "killed by SIGBUS" (or SIGSEGV), as in C.
 *
 * <p>The message says where and why, for example {@code SIGBUS at 0x7f0000101000 (offset 0x100400
 * in the mapping): read of a page past the end of the object (size 1024)}.
 */
public abstract sealed class MemoryFault extends RuntimeException permits BusError, SegmentationFault {
    private static final long serialVersionUID = 1L;

    private final FaultKind kind;
    private final Access access;
    private final long address;
    private final long offset;

    /**
     * @param kind why the fault was raised
     * @param access load or store
     * @param address the virtual address in the faulting process
     * @param offset the offset from the start of the mapping used for the access (may be negative or
     *     past the mapping's end when the access missed it)
     * @param reason the explanation, in words
     */
    protected MemoryFault(FaultKind kind, Access access, long address, long offset, String reason) {
        super(kind.signal() + " at 0x" + Long.toHexString(address) + " (offset " + hex(offset)
                + " in the mapping): " + access.name().toLowerCase(java.util.Locale.ROOT) + " " + reason);
        this.kind = kind;
        this.access = access;
        this.address = address;
        this.offset = offset;
    }

    /** A fault of the kind given, as a {@link BusError} or a {@link SegmentationFault}. */
    public static MemoryFault of(FaultKind kind, Access access, long address, long offset, String reason) {
        return kind.signal() == Signal.SIGBUS
                ? new BusError(kind, access, address, offset, reason)
                : new SegmentationFault(kind, access, address, offset, reason);
    }

    private static String hex(long value) {
        return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
    }

    /** SIGBUS or SIGSEGV. */
    public Signal signal() {
        return kind.signal();
    }

    /** Why the kernel raised it. */
    public FaultKind kind() {
        return kind;
    }

    /** Load or store. */
    public Access access() {
        return access;
    }

    /** The faulting virtual address in the process that made the access. */
    public long address() {
        return address;
    }

    /** The offset from the start of the mapping that was used for the access. */
    public long offset() {
        return offset;
    }
}
