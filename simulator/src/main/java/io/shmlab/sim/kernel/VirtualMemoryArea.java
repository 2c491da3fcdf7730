package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One mapping in one address space (Linux's {@code vm_area_struct}): {@code [start, start + length)}
 * with a protection, MAP_SHARED or MAP_PRIVATE, the object mapped and the offset in it, and the page
 * table entries made so far.
 *
 * <p>A page table entry is made on the first access to a page (a minor fault, counted for the
 * process). In a shared area it points at the object's frame; in a private area it first points at
 * the object's frame read-only ({@code copyOnWrite}) and the first store replaces it with a private
 * copy. A private anonymous area gets fresh zero frames of its own.
 *
 * <p>Invariant: an entry exists only for a page that was below the object's size when it was made;
 * {@link MemoryObject#resize} removes the entries a shrink leaves past the end, even private copies,
 * as Linux's truncate does.
 */
public final class VirtualMemoryArea {

    /** A page table entry: the frame, and whether a store must copy it first. */
    record PageTableEntry(PageFrame frame, boolean copyOnWrite) {
    }

    private final long start;
    private final long length;
    private final int protection;
    private final int flags;
    private final MemoryObject object;
    private final long fileOffset;
    private final AtomicLong faultCounter;
    private final Map<Long, PageTableEntry> pageTable = new ConcurrentHashMap<>();
    private volatile boolean unmapped;
    private volatile UnmappedPages holes = UnmappedPages.NONE;

    VirtualMemoryArea(long start, long length, int protection, int flags, MemoryObject object, long fileOffset,
            AtomicLong faultCounter) {
        this.start = start;
        this.length = length;
        this.protection = protection;
        this.flags = flags;
        this.object = object;
        this.fileOffset = fileOffset;
        this.faultCounter = faultCounter;
    }

    public long start() {
        return start;
    }

    /** The length asked of mmap(2). */
    public long length() {
        return length;
    }

    /** The length rounded up to whole pages: what the area covers in the address space. */
    public long pagedLength() {
        return Limits.pageAlignUp(length);
    }

    public long end() {
        return start + pagedLength();
    }

    public int protection() {
        return protection;
    }

    public int flags() {
        return flags;
    }

    /** The object mapped, or null for private anonymous memory. */
    public MemoryObject object() {
        return object;
    }

    public long fileOffset() {
        return fileOffset;
    }

    public boolean shared() {
        return (flags & MapFlags.MAP_SHARED) != 0;
    }

    public boolean anonymous() {
        return (flags & MapFlags.MAP_ANONYMOUS) != 0;
    }

    public boolean contains(long address) {
        return address >= start && address < end() && !holes.contains((address - start) / Limits.PAGE_SIZE);
    }

    /**
     * munmap(2) of the pages {@code [fromPage, toPage)} of this area (already clipped to it): their
     * addresses are SIGSEGV from now on, the rest keeps working. Returns true when no page is left.
     */
    boolean unmapPages(long fromPage, long toPage) {
        holes = holes.plus(fromPage, toPage);
        pageTable.keySet().removeIf(p -> p >= fromPage && p < toPage);
        return holes.coversAll(pagedLength() / Limits.PAGE_SIZE);
    }

    /**
     * The first offset of {@code [offset, offset + size)} (inside the area) in a page munmap(2) took
     * out, or -1 when there is none.
     */
    public long firstUnmappedOffset(long offset, long size) {
        if (holes.isEmpty() || size <= 0) {
            return -1;
        }
        long page = holes.firstIn(offset / Limits.PAGE_SIZE, (offset + size - 1) / Limits.PAGE_SIZE + 1);
        return page < 0 ? -1 : Math.max(offset, page * Limits.PAGE_SIZE);
    }

    /** True once munmap(2) removed it. */
    public boolean unmapped() {
        return unmapped;
    }

    void markUnmapped() {
        unmapped = true;
        pageTable.clear();
    }

    /** How many pages of this area are in memory for its process. */
    public int residentPages() {
        return pageTable.size();
    }

    /** The object's pages this area's process has in its page table, in order. */
    public java.util.List<Long> touchedObjectPages() {
        java.util.List<Long> pages = new java.util.ArrayList<>(pageTable.size());
        long first = fileOffset / Limits.PAGE_SIZE;
        for (Long p : pageTable.keySet()) {
            pages.add(first + p);
        }
        java.util.Collections.sort(pages);
        return pages;
    }

    /** The offset in the object of an offset in the area. */
    public long objectOffset(long areaOffset) {
        return fileOffset + areaOffset;
    }

    /**
     * Tells what an access of {@code [areaOffset, areaOffset + length)} through this area touches that
     * another process could see, by physical identity: the object's size (an access past it is
     * SIGBUS) and its bytes. A shared area reads or writes the object's bytes; a private one at most
     * reads them (a store goes to a copy, made from the object's page), so its whole pages are told as
     * read. Private anonymous memory is the process's own: nothing is told.
     */
    void tell(TouchLog log, long areaOffset, long length, Access access) {
        if (object == null) {
            return;
        }
        log.objectSize(object.id(), Access.READ);
        long at = objectOffset(areaOffset);
        if (shared()) {
            log.memory(object.id(), at, length, access);
            return;
        }
        long first = at - at % Limits.PAGE_SIZE;
        long end = Limits.pageAlignUp(at + length);
        log.memory(object.id(), first, end - first, Access.READ);
    }

    /**
     * Tells a change of a semaphore's count at {@code areaOffset} (the 8-byte {@code data} word), by
     * physical identity like {@link #tell}: as a count in a shared area of an object, as the write of
     * those bytes anywhere else (a private area's store reads the object's page; private anonymous
     * memory tells nothing).
     */
    void tellCount(TouchLog log, long areaOffset, boolean up, long valueBefore) {
        if (object == null || !shared()) {
            tell(log, areaOffset, Long.BYTES, Access.WRITE);
            return;
        }
        log.objectSize(object.id(), Access.READ);
        log.semaphoreCount(object.id(), objectOffset(areaOffset), up, valueBefore);
    }

    /**
     * The first offset of {@code [offset, offset + length)} whose page lies wholly past the end of the
     * object, or -1 when there is none (always for anonymous memory).
     */
    long firstOffsetPastObject(long offset, long length) {
        if (object == null) {
            return -1;
        }
        long firstPastPage;
        synchronized (object) {
            firstPastPage = object.pageCount() - fileOffset / Limits.PAGE_SIZE;
        }
        if (firstPastPage > Long.MAX_VALUE / Limits.PAGE_SIZE) {
            return -1;
        }
        long firstPast = Math.max(0, firstPastPage) * Limits.PAGE_SIZE;
        return offset + length <= firstPast ? -1 : Math.max(offset, firstPast);
    }

    /**
     * The frame holding the page {@code pageIndex} of this area for an access, faulting it in if
     * needed; or null when the page lies wholly past the end of the object, or is a first touch the
     * tmpfs has no room for (the caller raises SIGBUS: {@link AddressSpace#busError} says which). A
     * private area's first access allocates the object's page first, as Linux reads it before it
     * copies. The caller has checked the protection.
     */
    PageFrame frameFor(long pageIndex, Access access) {
        PageTableEntry entry = pageTable.get(pageIndex);
        if (entry != null && !(access == Access.WRITE && entry.copyOnWrite())) {
            return entry.frame();
        }
        return fault(pageIndex, access);
    }

    private PageFrame fault(long pageIndex, Access access) {
        if (object == null) {
            synchronized (this) {
                PageTableEntry entry = pageTable.get(pageIndex);
                if (entry == null) {
                    entry = new PageTableEntry(new PageFrame(), false);
                    pageTable.put(pageIndex, entry);
                    faultCounter.incrementAndGet();
                } else if (access == Access.WRITE && entry.copyOnWrite()) {
                    entry = new PageTableEntry(entry.frame().copy(), false);
                    pageTable.put(pageIndex, entry);
                    faultCounter.incrementAndGet();
                }
                return entry.frame();
            }
        }
        synchronized (object) {
            long objectPage = fileOffset / Limits.PAGE_SIZE + pageIndex;
            if (objectPage >= object.pageCount()) {
                pageTable.remove(pageIndex);
                return null;
            }
            PageTableEntry entry = pageTable.get(pageIndex);
            if (entry == null) {
                PageFrame frame = object.frame(objectPage);
                if (frame == null) {
                    return null;
                }
                if (shared()) {
                    entry = new PageTableEntry(frame, false);
                } else if (access == Access.WRITE) {
                    entry = new PageTableEntry(frame.copy(), false);
                } else {
                    entry = new PageTableEntry(frame, true);
                }
            } else if (access == Access.WRITE && entry.copyOnWrite()) {
                entry = new PageTableEntry(entry.frame().copy(), false);
            } else {
                return entry.frame();
            }
            pageTable.put(pageIndex, entry);
            faultCounter.incrementAndGet();
            return entry.frame();
        }
    }

    /**
     * The frame a load of the page would see, without faulting anything in or counting anything: the
     * page table's frame, else the object's frame if it has one; null when there is nothing to see
     * (a hole, or a page past the end of the object).
     */
    PageFrame peekFrame(long pageIndex) {
        PageTableEntry entry = pageTable.get(pageIndex);
        if (entry != null) {
            return entry.frame();
        }
        if (object == null) {
            return null;
        }
        long objectPage = fileOffset / Limits.PAGE_SIZE + pageIndex;
        return objectPage < object.pageCount() ? object.frameIfPresent(objectPage) : null;
    }

    /** Removes the entries for object pages from {@code firstObjectPage} on (after a shrink). */
    void dropObjectPagesFrom(long firstObjectPage) {
        long firstAreaPage = firstObjectPage - fileOffset / Limits.PAGE_SIZE;
        pageTable.keySet().removeIf(p -> p >= firstAreaPage);
    }

    /**
     * A copy of this area for a child made by fork(2), at the same address, counting its faults for
     * the child. A private area's pages become copy-on-write in both processes; a shared area starts
     * with an empty page table in the child (Linux does not copy those entries; the child faults them
     * in again).
     */
    VirtualMemoryArea forkCopy(AtomicLong childFaults) {
        VirtualMemoryArea child = new VirtualMemoryArea(start, length, protection, flags, object, fileOffset, childFaults);
        child.holes = holes;
        if (!shared()) {
            synchronized (object == null ? this : object) {
                pageTable.replaceAll((p, e) -> new PageTableEntry(e.frame(), true));
                child.pageTable.putAll(pageTable);
            }
        }
        if (object != null) {
            object.addMapper(child);
        }
        return child;
    }
}
