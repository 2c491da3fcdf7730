package io.shmlab.api;

/**
 * SIGBUS: an access inside a mapping to a page that lies wholly past the end of the mapped object
 * (mmap(2) "Attempted access to a portion of the buffer that does not correspond to the file").
 *
 * <p>{@link #pastEndOfObject} is the one wording of that fault that both backends raise.
 */
public final class BusError extends MemoryFault {
    private static final long serialVersionUID = 1L;

    BusError(FaultKind kind, Access access, long address, long offset, String reason) {
        super(kind, access, address, offset, reason);
    }

    /**
     * An access to a page of the mapping wholly past the end of the object: PAST_END_OF_OBJECT.
     *
     * @param address the first byte of the access on such a page
     * @param offset that byte's offset in the mapping
     * @param objectSize the object's size when the access was made
     */
    public static BusError pastEndOfObject(Access access, long address, long offset, long objectSize) {
        return new BusError(FaultKind.PAST_END_OF_OBJECT, access, address, offset,
                "of a page past the end of the object (size " + objectSize + ")");
    }
}
