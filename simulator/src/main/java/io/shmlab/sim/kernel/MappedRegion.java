package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.SegmentationFault;

/**
 * The {@link Mapping} a simulated mmap(2) returns: a {@code void *} into one process's address space,
 * with the checks the MMU and the kernel make on every load and store.
 *
 * <p>It behaves as a pointer does in C: used by the process that made it, it reaches that process's
 * mapping; used from another simulated process's thread (a child after fork(2) that kept the
 * parent's variable), it is resolved in that process's address space at the same address, which
 * after fork holds the child's copy of the mapping.
 *
 * <p>Each access first calls {@link Dispatcher#access} (a scheduling point when the run asks for
 * it), then checks the bounds ({@code [0, length())} rounded up to whole pages, SIGSEGV outside), the protection (SIGSEGV) and
 * the object's size (SIGBUS for a page wholly past its end), then touches the page, faulting it in on
 * first touch.
 */
public final class MappedRegion implements Mapping {
    private final KernelProcess owner;
    private final VirtualMemoryArea area;

    MappedRegion(KernelProcess owner, VirtualMemoryArea area) {
        this.owner = owner;
        this.area = area;
    }

    /** The area this pointer reaches in the process that made it. */
    public VirtualMemoryArea area() {
        return area;
    }

    /** The process that made the mapping. */
    public KernelProcess owner() {
        return owner;
    }

    @Override
    public long address() {
        return area.start();
    }

    @Override
    public long length() {
        return area.length();
    }

    @Override
    public int protection() {
        return area.protection();
    }

    @Override
    public int flags() {
        return area.flags();
    }

    @Override
    public long fileOffset() {
        return area.fileOffset();
    }

    @Override
    public String objectName() {
        return area.object() == null || area.object().kind() == MemoryObject.Kind.ANONYMOUS ? null : area.object().name();
    }

    /**
     * Whether this pointer still reaches a mapping in {@code process}: the owner's own, not unmapped,
     * or (in a child after fork) the copy at the same address. A mapping that took the place of an
     * unmapped one does not count: the api holds a pointer to its own mapping.
     */
    public boolean mappedIn(KernelProcess process) {
        if (process == owner) {
            return !area.unmapped();
        }
        VirtualMemoryArea target = process.space().areaAt(area.start());
        return target != null && !target.unmapped();
    }

    /**
     * The first offset of {@code [offset, offset + size)} that munmap(2) took out of this mapping as
     * {@code process} has it, or -1: an access there is SIGSEGV.
     */
    public long firstUnmappedOffset(KernelProcess process, long offset, long size) {
        VirtualMemoryArea target = process == owner ? area : process.space().areaAt(area.start());
        return target == null ? -1 : target.firstUnmappedOffset(offset, size);
    }

    private KernelProcess caller() {
        KernelProcess current = KernelProcess.current();
        return current == null ? owner : current;
    }

    /** The area of the calling process at this address, after the bounds and protection checks. */
    private VirtualMemoryArea check(KernelProcess caller, long offset, long size, Access access) {
        caller.checkPendingSignal();
        caller.kernel().dispatcher().access(caller.pid(), access, area.start() + offset,
                (int) Math.min(size, Integer.MAX_VALUE));
        long extent = area.pagedLength();
        if (offset < 0 || offset > extent - size) {
            throw SegmentationFault.outsideMapping(access, area.start(), offset, extent);
        }
        VirtualMemoryArea target = area;
        if (caller != owner) {
            target = caller.space().areaAt(area.start());
            if (target == null) {
                throw MemoryFault.of(FaultKind.NOT_MAPPED, access, area.start() + offset, offset,
                        "of an address not mapped in process " + caller.pid());
            }
        }
        if (target.unmapped()) {
            throw SegmentationFault.unmapped(access, area.start() + offset, offset);
        }
        long hole = target.firstUnmappedOffset(offset, size);
        if (hole >= 0) {
            throw SegmentationFault.partlyUnmapped(access, area.start() + hole, hole);
        }
        AddressSpace.checkProtection(target, access, area.start() + offset, offset);
        TouchLog log = caller.kernel().touches();
        if (log.recording()) {
            target.tell(log, offset, size, access);
        }
        return target;
    }

    private PageFrame frame(VirtualMemoryArea target, long offset, Access access) {
        PageFrame frame = target.frameFor(offset / Limits.PAGE_SIZE, access);
        if (frame == null) {
            throw AddressSpace.busError(target, access, area.start() + offset, offset);
        }
        return frame;
    }

    /**
     * A bulk access is refused whole, before any byte moves, when a page of it lies past the end of
     * the object, or is a first touch the tmpfs has no room for: SIGBUS at its first such byte (see
     * {@link Mapping}). The pages are faulted in first, in order, so those before a page the tmpfs has
     * no room for stay allocated, as a C copy would leave them.
     */
    private void checkBacked(VirtualMemoryArea target, long offset, long length, Access access) {
        long bad = target.firstOffsetPastObject(offset, length);
        if (bad >= 0) {
            throw AddressSpace.pastEnd(target, access, area.start() + bad, bad);
        }
        for (long at = offset; at < offset + length; at += Limits.PAGE_SIZE - inPage(at)) {
            frame(target, at, access);
        }
    }

    private static int inPage(long offset) {
        return (int) (offset % Limits.PAGE_SIZE);
    }

    private static boolean spansPages(long offset, int size) {
        return inPage(offset) + size > Limits.PAGE_SIZE;
    }

    private long loadSpanning(VirtualMemoryArea target, long offset, int size) {
        checkBacked(target, offset, size, Access.READ);
        byte[] bytes = new byte[size];
        copyOut(target, offset, bytes, 0, size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private void storeSpanning(VirtualMemoryArea target, long offset, int size, long value) {
        checkBacked(target, offset, size, Access.WRITE);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        copyIn(target, offset, bytes, 0, size);
    }

    private void copyOut(VirtualMemoryArea target, long offset, byte[] dst, int dstIndex, int length) {
        int done = 0;
        while (done < length) {
            long at = offset + done;
            int n = Math.min(length - done, Limits.PAGE_SIZE - inPage(at));
            frame(target, at, Access.READ).get(inPage(at), dst, dstIndex + done, n);
            done += n;
        }
    }

    private void copyIn(VirtualMemoryArea target, long offset, byte[] src, int srcIndex, int length) {
        int done = 0;
        while (done < length) {
            long at = offset + done;
            int n = Math.min(length - done, Limits.PAGE_SIZE - inPage(at));
            frame(target, at, Access.WRITE).put(inPage(at), src, srcIndex + done, n);
            done += n;
        }
    }

    @Override
    public byte getByte(long offset) {
        VirtualMemoryArea t = check(caller(), offset, 1, Access.READ);
        return frame(t, offset, Access.READ).getByte(inPage(offset));
    }

    @Override
    public void putByte(long offset, byte value) {
        VirtualMemoryArea t = check(caller(), offset, 1, Access.WRITE);
        frame(t, offset, Access.WRITE).putByte(inPage(offset), value);
    }

    @Override
    public short getShort(long offset) {
        VirtualMemoryArea t = check(caller(), offset, 2, Access.READ);
        if (spansPages(offset, 2)) {
            return (short) loadSpanning(t, offset, 2);
        }
        return frame(t, offset, Access.READ).getShort(inPage(offset));
    }

    @Override
    public void putShort(long offset, short value) {
        VirtualMemoryArea t = check(caller(), offset, 2, Access.WRITE);
        if (spansPages(offset, 2)) {
            storeSpanning(t, offset, 2, value);
            return;
        }
        frame(t, offset, Access.WRITE).putShort(inPage(offset), value);
    }

    @Override
    public int getInt(long offset) {
        VirtualMemoryArea t = check(caller(), offset, 4, Access.READ);
        if (spansPages(offset, 4)) {
            return (int) loadSpanning(t, offset, 4);
        }
        return frame(t, offset, Access.READ).getInt(inPage(offset));
    }

    @Override
    public void putInt(long offset, int value) {
        VirtualMemoryArea t = check(caller(), offset, 4, Access.WRITE);
        if (spansPages(offset, 4)) {
            storeSpanning(t, offset, 4, value);
            return;
        }
        frame(t, offset, Access.WRITE).putInt(inPage(offset), value);
    }

    @Override
    public long getLong(long offset) {
        VirtualMemoryArea t = check(caller(), offset, 8, Access.READ);
        if (spansPages(offset, 8)) {
            return loadSpanning(t, offset, 8);
        }
        return frame(t, offset, Access.READ).getLong(inPage(offset));
    }

    @Override
    public void putLong(long offset, long value) {
        VirtualMemoryArea t = check(caller(), offset, 8, Access.WRITE);
        if (spansPages(offset, 8)) {
            storeSpanning(t, offset, 8, value);
            return;
        }
        frame(t, offset, Access.WRITE).putLong(inPage(offset), value);
    }

    @Override
    public void get(long offset, byte[] dst, int dstIndex, int length) {
        java.util.Objects.checkFromIndexSize(dstIndex, length, dst.length);
        if (length == 0) {
            return;
        }
        VirtualMemoryArea t = check(caller(), offset, length, Access.READ);
        checkBacked(t, offset, length, Access.READ);
        copyOut(t, offset, dst, dstIndex, length);
    }

    @Override
    public void put(long offset, byte[] src, int srcIndex, int length) {
        java.util.Objects.checkFromIndexSize(srcIndex, length, src.length);
        if (length == 0) {
            return;
        }
        VirtualMemoryArea t = check(caller(), offset, length, Access.WRITE);
        checkBacked(t, offset, length, Access.WRITE);
        copyIn(t, offset, src, srcIndex, length);
    }

    @Override
    public void fill(long offset, long length, byte value) {
        if (length < 0) {
            throw new IllegalArgumentException("length=" + length);
        }
        if (length == 0) {
            return;
        }
        VirtualMemoryArea t = check(caller(), offset, length, Access.WRITE);
        checkBacked(t, offset, length, Access.WRITE);
        byte[] page = new byte[Limits.PAGE_SIZE];
        java.util.Arrays.fill(page, value);
        long done = 0;
        while (done < length) {
            long at = offset + done;
            int n = (int) Math.min(length - done, Limits.PAGE_SIZE - inPage(at));
            frame(t, at, Access.WRITE).put(inPage(at), page, 0, n);
            done += n;
        }
    }

    private static void requireAligned(long offset, int size) {
        if (offset % size != 0) {
            throw new IllegalArgumentException("misaligned atomic access: offset=" + offset + ", size=" + size);
        }
    }

    @Override
    public boolean compareAndSetInt(long offset, int expected, int value) {
        requireAligned(offset, 4);
        VirtualMemoryArea t = check(caller(), offset, 4, Access.WRITE);
        return frame(t, offset, Access.WRITE).compareAndSetInt(inPage(offset), expected, value);
    }

    @Override
    public int getAndAddInt(long offset, int delta) {
        requireAligned(offset, 4);
        VirtualMemoryArea t = check(caller(), offset, 4, Access.WRITE);
        return frame(t, offset, Access.WRITE).getAndAddInt(inPage(offset), delta);
    }

    @Override
    public boolean compareAndSetLong(long offset, long expected, long value) {
        requireAligned(offset, 8);
        VirtualMemoryArea t = check(caller(), offset, 8, Access.WRITE);
        return frame(t, offset, Access.WRITE).compareAndSetLong(inPage(offset), expected, value);
    }

    @Override
    public long getAndAddLong(long offset, long delta) {
        requireAligned(offset, 8);
        VirtualMemoryArea t = check(caller(), offset, 8, Access.WRITE);
        return frame(t, offset, Access.WRITE).getAndAddLong(inPage(offset), delta);
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(address()) + " (" + length() + " bytes of "
                + (objectName() == null ? "anonymous memory" : objectName()) + ")";
    }
}
