package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.Protection;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.layout.SemT;
import java.util.Objects;

/**
 * A real mapping of this process, made by mmap(2): loads and stores go straight to the memory, each
 * checked first so that a bad one is a {@link MemoryFault} and never a signal in the JVM.
 *
 * <p>The check, in the order the MMU and the kernel apply it: the bytes must lie in
 * {@code [0, length())} rounded up to whole pages, the mapping must not be unmapped, nor the pages
 * munmap(2) took out of it (else SIGSEGV, NOT_MAPPED); the
 * protection must allow the access (else SIGSEGV, PROTECTION); every byte must lie below the end of
 * the object's last page (else SIGBUS, PAST_END_OF_OBJECT). The last test compares with the cached
 * size of {@link MappedObject}; only when it fails is the size asked again (another process may have
 * grown the object). If another process shrank the object under us, the access takes a real SIGBUS,
 * which HotSpot 17 turns into an {@link InternalError} instead of dying for a load or a store (not
 * always for a compare-and-swap or fetch-and-add: see the package's invariants): where HotSpot raises it at the
 * access (the interpreter), it is caught here and reported as the same {@link io.shmlab.api.BusError};
 * in compiled code HotSpot raises it later, at the thread's next transition into the VM, out of reach
 * of this class, and {@link ChildMain} then reports the process killed by SIGBUS, as C would be.
 * (Measured on Java 17: a native call right after the access does not make HotSpot raise it there.)
 *
 * <p>A tmpfs (/dev/shm) allocates a page when it is first touched, and a full one answers that touch
 * with SIGBUS. So before the first access to each page of a file's mapping, the page is faulted in
 * with madvise(MADV_POPULATE_READ or _WRITE, as the access is a load or a store), whose EFAULT says
 * that the access would have raised SIGBUS: it is refused first with the same {@link BusError}
 * ({@link io.shmlab.api.FaultKind#NO_SPACE}) the simulator raises. The pages so touched are
 * remembered ({@link PopulatedPages}), so an access pays a bit test after the first; a bulk copy
 * faults in its whole range first, so one that cannot be allocated has stored nothing. Where the
 * kernel is older than 5.14, or {@link NativeSettings#POPULATE_PAGES} is off, nothing is faulted in
 * first. What no check sees is another process freeing pages (a shrink and a regrowth) after this one
 * touched them: the access then meets the full tmpfs with a real SIGBUS, as a cut does.
 */
final class NativeMapping implements Mapping {
    private static final int EFAULT = io.shmlab.api.Errno.EFAULT.number();
    private final long address;
    private final long length;
    /** What the mapping covers: its length rounded up to whole pages, as the kernel maps it. */
    private final long extent;
    private final int protection;
    private final int flags;
    private final long fileOffset;
    private final String objectName;
    private final boolean readable;
    private final boolean writable;
    private final MappedObject object;
    private final MappedObjects objects;
    /** The pages known allocated, or null when pages are not faulted in first (anonymous memory, or off). */
    private final PopulatedPages populated;
    private final CheckedLibC libc;
    private volatile boolean mapped = true;
    /**
     * The parts munmap(2) took out ({@link #takeOut}): sorted, disjoint, page-aligned offset ranges
     * {@code [from, to)} as pairs; null while there are none, so an access pays one null test.
     */
    private volatile long[] holes;

    NativeMapping(long address, long length, int protection, int flags, long fileOffset, String objectName,
            MappedObject object, MappedObjects objects) {
        this(address, length, protection, flags, fileOffset, objectName, object, objects, null);
    }

    /**
     * @param libc where the pages are faulted in from before their first access, or null for never
     *     (anonymous memory has no file system to fill)
     */
    NativeMapping(long address, long length, int protection, int flags, long fileOffset, String objectName,
            MappedObject object, MappedObjects objects, CheckedLibC libc) {
        this.libc = object.isAnonymous() ? null : libc;
        this.populated = this.libc == null ? null : new PopulatedPages();
        this.address = address;
        this.length = length;
        this.extent = Limits.pageAlignUp(length);
        this.protection = protection;
        this.flags = flags;
        this.fileOffset = fileOffset;
        this.objectName = objectName;
        this.readable = Protection.allowsRead(protection);
        this.writable = Protection.allowsWrite(protection);
        this.object = object;
        this.objects = objects;
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int protection() {
        return protection;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public long fileOffset() {
        return fileOffset;
    }

    @Override
    public String objectName() {
        return objectName;
    }

    MappedObject object() {
        return object;
    }

    boolean isMapped() {
        return mapped;
    }

    /** munmap(2) is about to run: every later access is SIGSEGV. */
    void markUnmapped() {
        mapped = false;
    }

    boolean contains(long virtualAddress) {
        return mapped && virtualAddress >= address && virtualAddress - address < extent
                && firstTakenOut(virtualAddress - address, 1) < 0;
    }

    /**
     * munmap(2) of the pages {@code [from, to)} of this mapping (page-aligned offsets, inside it) is
     * about to run: from now on an access there is SIGSEGV. Returns the parts of the range still
     * mapped until now, as pairs of offsets, for the caller to unmap (a part unmapped before must not
     * be unmapped again: the JVM may have put something there since).
     */
    synchronized long[] takeOut(long from, long to) {
        long[] old = holes == null ? new long[0] : holes;
        long[] stillMapped = new long[old.length + 2];
        int n = 0;
        long at = from;
        for (int i = 0; i < old.length && at < to; i += 2) {
            if (old[i + 1] <= at) {
                continue;
            }
            if (old[i] >= to) {
                break;
            }
            if (old[i] > at) {
                stillMapped[n++] = at;
                stillMapped[n++] = old[i];
            }
            at = Math.max(at, old[i + 1]);
        }
        if (at < to) {
            stillMapped[n++] = at;
            stillMapped[n++] = to;
        }
        holes = merged(old, from, to);
        return java.util.Arrays.copyOf(stillMapped, n);
    }

    private static long[] merged(long[] old, long from, long to) {
        java.util.List<long[]> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < old.length; i += 2) {
            ranges.add(new long[] {old[i], old[i + 1]});
        }
        ranges.add(new long[] {from, to});
        ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
        long[] out = new long[ranges.size() * 2];
        int n = 0;
        for (long[] r : ranges) {
            if (n > 0 && r[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], r[1]);
            } else {
                out[n++] = r[0];
                out[n++] = r[1];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether munmap(2) took out every page. */
    boolean whollyTakenOut() {
        long[] h = holes;
        return h != null && h.length == 2 && h[0] <= 0 && h[1] >= extent;
    }

    /** The first offset of {@code [offset, offset + size)} that munmap(2) took out, or -1. */
    private long firstTakenOut(long offset, long size) {
        long[] h = holes;
        if (h == null) {
            return -1;
        }
        for (int i = 0; i < h.length; i += 2) {
            long start = Math.max(offset, h[i]);
            if (start < Math.min(offset + size, h[i + 1])) {
                return start;
            }
        }
        return -1;
    }

    /** The length of the mapping's pages. */
    long extent() {
        return extent;
    }

    // ------------------------------------------------------------------ checks

    /** The address of {@code size} bytes at {@code offset}, after checking that a load may touch them. */
    private long readable(long offset, long size) {
        if (offset < 0 || offset > extent - size || !mapped) {
            throw outside(offset, Access.READ);
        }
        if (holes != null) {
            checkNotTakenOut(offset, size, Access.READ);
        }
        if (!readable) {
            throw refused(offset, Access.READ);
        }
        if (fileOffset + offset + size > object.pagesEnd()) {
            checkAgainstFreshSize(offset, size, Access.READ);
        }
        if (populated != null) {
            allocate(offset, size, Access.READ);
        }
        return address + offset;
    }

    /** The address of {@code size} bytes at {@code offset}, after checking that a store may touch them. */
    private long writable(long offset, long size) {
        if (offset < 0 || offset > extent - size || !mapped) {
            throw outside(offset, Access.WRITE);
        }
        if (holes != null) {
            checkNotTakenOut(offset, size, Access.WRITE);
        }
        if (!writable) {
            throw refused(offset, Access.WRITE);
        }
        if (fileOffset + offset + size > object.pagesEnd()) {
            checkAgainstFreshSize(offset, size, Access.WRITE);
        }
        if (populated != null) {
            allocate(offset, size, Access.WRITE);
        }
        return address + offset;
    }

    /**
     * Makes sure the pages of {@code [offset, offset + size)} are allocated before they are touched:
     * a bit test for a page touched before, else madvise(MADV_POPULATE_*) on those not yet.
     *
     * @throws MemoryFault SIGBUS, NO_SPACE, at the first page the tmpfs has no space for (or
     *     PAST_END_OF_OBJECT if the object was cut meanwhile)
     */
    private void allocate(long offset, long size, Access access) {
        long first = offset >>> 12;
        long last = (offset + size - 1) >>> 12;
        int shrinks = object.shrinks();
        if (populated.contains(first, shrinks) && (last == first || populated.contains(last, shrinks))) {
            return;
        }
        populated.sync(shrinks);
        boolean write = access == Access.WRITE;
        long page = first;
        while (page <= last) {
            if (populated.contains(page, shrinks)) {
                page++;
                continue;
            }
            long end = page;
            while (end < last && !populated.contains(end + 1, shrinks)) {
                end++;
            }
            int error = libc.populate(address + page * Limits.PAGE_SIZE, (end - page + 1) * Limits.PAGE_SIZE, write);
            if (error == 0) {
                populated.add(page, end);
            } else if (error == EFAULT) {
                populateOneByOne(page, end, offset, access);
            } else {
                return; // an old kernel (EINVAL), or out of memory: the access goes on unchecked, as before
            }
            page = end + 1;
        }
    }

    /** Faults in the pages {@code [from, to]} one at a time, to find the first that would SIGBUS. */
    private void populateOneByOne(long from, long to, long offset, Access access) {
        for (long p = from; p <= to; p++) {
            int error = libc.populate(address + p * Limits.PAGE_SIZE, Limits.PAGE_SIZE, access == Access.WRITE);
            if (error == EFAULT) {
                long bad = Math.max(offset, p * Limits.PAGE_SIZE);
                long objectSize = objects.refresh(object);
                if (fileOffset + bad >= object.pagesEnd()) {
                    throw pastEnd(bad, access, objectSize);
                }
                throw BusError.noSpace(access, address + bad, bad);
            }
            if (error != 0) {
                return;
            }
            populated.add(p, p);
        }
    }

    private long atomic(long offset, int size) {
        if ((offset & (size - 1)) != 0) {
            throw new IllegalArgumentException("offset=0x" + Long.toHexString(offset) + " is not aligned for a "
                    + size + "-byte atomic operation");
        }
        return writable(offset, size);
    }

    /**
     * The address of {@code size} bytes at {@code offset}, after the checks of an access of that kind:
     * for a field of a {@code sem_t} that {@link SemaphoreProtocol} loads or stores itself.
     */
    long checkedAddress(long offset, long size, Access access) {
        return access == Access.READ ? readable(offset, size) : writable(offset, size);
    }

    /**
     * Whether {@code [offset, offset + length)} lies inside this mapping's pages, the mapping still
     * mapped; {@code length} is a whole number of pages, compared as an unsigned number.
     */
    boolean covers(long offset, long length) {
        return mapped && offset >= 0 && offset <= extent && Long.compareUnsigned(length, extent - offset) <= 0
                && firstTakenOut(offset, length) < 0;
    }

    private void checkAgainstFreshSize(long offset, long size, Access access) {
        long objectSize = objects.refresh(object);
        if (fileOffset + offset + size > object.pagesEnd()) {
            throw pastEnd(offset, access, objectSize);
        }
    }

    /**
     * SIGSEGV, NOT_MAPPED, at the first byte of the access that is not mapped, as the kernel's
     * {@code si_addr} gives it: the access itself when it starts outside, else the mapping's end.
     */
    private MemoryFault outside(long offset, Access access) {
        if (!mapped) {
            return SegmentationFault.unmapped(access, address + offset, offset);
        }
        return SegmentationFault.outsideMapping(access, address, offset, extent);
    }

    private void checkNotTakenOut(long offset, long size, Access access) {
        long hole = firstTakenOut(offset, size);
        if (hole >= 0) {
            throw SegmentationFault.partlyUnmapped(access, address + hole, hole);
        }
    }

    private MemoryFault refused(long offset, Access access) {
        return SegmentationFault.refusedByProtection(access, address + offset, offset, protection);
    }

    /** SIGBUS at the first byte of the access in a page wholly past the end of the object. */
    private MemoryFault pastEnd(long offset, Access access, long objectSize) {
        long firstPagePastEnd = Limits.pageAlignUp(objectSize) - fileOffset;
        long bad = Math.max(offset, firstPagePastEnd);
        return BusError.pastEndOfObject(access, address + bad, bad, objectSize);
    }

    /** A real SIGBUS that HotSpot reported: the object shrank under us; anything else goes on. */
    private RuntimeException translated(InternalError error, long offset, Access access) {
        if (!NativeMemory.isUnsafeAccessFault(error)) {
            throw error;
        }
        MemoryFault fault = pastEndOf(offset, access);
        fault.initCause(error);
        return fault;
    }

    /**
     * SIGBUS for an access at {@code offset} that really faulted (the object was cut under it), with
     * the object's size asked again: at the first page past the end, or at the access if the object
     * has grown back since.
     */
    MemoryFault pastEndOf(long offset, Access access) {
        return pastEnd(offset, access, objects.refresh(object));
    }

    // ------------------------------------------------------------------ accesses

    @Override
    public byte getByte(long offset) {
        long at = readable(offset, 1);
        try {
            return NativeMemory.getByte(at);
        } catch (InternalError e) {
            throw translated(e, offset, Access.READ);
        }
    }

    @Override
    public void putByte(long offset, byte value) {
        long at = writable(offset, 1);
        try {
            NativeMemory.putByte(at, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public short getShort(long offset) {
        long at = readable(offset, 2);
        try {
            return NativeMemory.getShort(at);
        } catch (InternalError e) {
            throw translated(e, offset, Access.READ);
        }
    }

    @Override
    public void putShort(long offset, short value) {
        long at = writable(offset, 2);
        try {
            NativeMemory.putShort(at, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public int getInt(long offset) {
        long at = readable(offset, 4);
        try {
            return NativeMemory.getInt(at);
        } catch (InternalError e) {
            throw translated(e, offset, Access.READ);
        }
    }

    @Override
    public void putInt(long offset, int value) {
        long at = writable(offset, 4);
        try {
            NativeMemory.putInt(at, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public long getLong(long offset) {
        long at = readable(offset, 8);
        try {
            return NativeMemory.getLong(at);
        } catch (InternalError e) {
            throw translated(e, offset, Access.READ);
        }
    }

    @Override
    public void putLong(long offset, long value) {
        long at = writable(offset, 8);
        try {
            NativeMemory.putLong(at, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public void get(long offset, byte[] dst, int dstIndex, int count) {
        Objects.checkFromIndexSize(dstIndex, count, dst.length);
        if (count == 0) {
            return; // memcpy of nothing touches nothing, wherever it points
        }
        long at = readable(offset, count);
        try {
            NativeMemory.copyToArray(at, dst, dstIndex, count);
        } catch (InternalError e) {
            throw translated(e, offset, Access.READ);
        }
    }

    @Override
    public void put(long offset, byte[] src, int srcIndex, int count) {
        Objects.checkFromIndexSize(srcIndex, count, src.length);
        if (count == 0) {
            return;
        }
        long at = writable(offset, count);
        try {
            NativeMemory.copyFromArray(src, srcIndex, at, count);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public void fill(long offset, long count, byte value) {
        if (count < 0) {
            throw new IllegalArgumentException("length=" + count);
        }
        if (count == 0) {
            return;
        }
        long at = writable(offset, count);
        try {
            NativeMemory.fill(at, count, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public boolean compareAndSetInt(long offset, int expected, int value) {
        long at = atomic(offset, 4);
        try {
            return NativeMemory.compareAndSetInt(at, expected, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public int getAndAddInt(long offset, int delta) {
        long at = atomic(offset, 4);
        try {
            return NativeMemory.getAndAddInt(at, delta);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public boolean compareAndSetLong(long offset, long expected, long value) {
        long at = atomic(offset, 8);
        try {
            return NativeMemory.compareAndSetLong(at, expected, value);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public long getAndAddLong(long offset, long delta) {
        long at = atomic(offset, 8);
        try {
            return NativeMemory.getAndAddLong(at, delta);
        } catch (InternalError e) {
            throw translated(e, offset, Access.WRITE);
        }
    }

    @Override
    public String toString() {
        return "mapping at 0x" + Long.toHexString(address) + ", length " + length + ", "
                + Protection.describe(protection) + (objectName == null ? ", anonymous" : ", of " + objectName);
    }
}
