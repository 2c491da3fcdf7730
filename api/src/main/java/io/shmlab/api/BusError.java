package io.shmlab.api;

/**
 * SIGBUS: an access inside a mapping to a page that lies wholly past the end of the mapped object
 * (mmap(2) "Attempted access to a portion of the buffer that does not correspond to the file"), or to
 * a page never touched before when /dev/shm (a tmpfs) has no space left to allocate it. Linux gives
 * both the same {@code si_code}, BUS_ADRERR; the {@link FaultKind} tells them apart.
 *
 * <p>{@link #pastEndOfObject} and {@link #noSpace} are the one wording of each that both backends
 * raise.
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

    /**
     * The first touch of a page (a load or a store) that the tmpfs behind /dev/shm has no space to
     * allocate: NO_SPACE. ftruncate(2) only sets a size; posix_fallocate(3) would have said ENOSPC
     * at once instead.
     *
     * @param address the first byte of the access on such a page
     * @param offset that byte's offset in the mapping
     */
    public static BusError noSpace(Access access, long address, long offset) {
        return new BusError(FaultKind.NO_SPACE, access, address, offset,
                "of a page never touched before: /dev/shm (a tmpfs) has no space left to allocate it");
    }
}
