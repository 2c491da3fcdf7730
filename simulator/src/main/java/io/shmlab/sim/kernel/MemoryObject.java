package io.shmlab.sim.kernel;

import io.shmlab.api.Limits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thing that can be mapped: a POSIX shared memory object (a tmpfs file under /dev/shm), a regular
 * file of the simulated file system, or the hidden object behind a shared anonymous mapping.
 *
 * <p>Its bytes live in 4096-byte {@link PageFrame}s made on first touch, so an object costs its
 * touched pages, not its size: a 1 GiB object with one page touched holds one frame. For a regular
 * file the frames are the page cache, and {@link #writeBack} copies them to the simulated disk, which
 * is all that survives {@link #loseUnsyncedPages a crash}.
 *
 * <p>An object of /dev/shm also holds space in its tmpfs ({@link TmpfsSpace}): a page is charged when it
 * is allocated, by its first touch or by posix_fallocate(3) (which allocates without making a frame:
 * the page reads as zeros until touched), and released when a shrink drops it or the object ends
 * (unlinked, with no descriptor open and no mapping left). A first touch the tmpfs has no room for
 * gets no frame: the caller raises SIGBUS.
 *
 * <p>Invariants: no frame lies wholly past {@link #size()}; the bytes of the last partial page past
 * the size are zero after a shrink (Linux zeroes them in truncate); every area that maps the object
 * is in {@link #mappers}, so a shrink can take the dropped pages out of their page tables; in /dev/shm,
 * every frame's page is allocated, and the allocated pages are what the object holds of its tmpfs.
 */
public final class MemoryObject {
    /** What kind of object this is. */
    public enum Kind {
        /** A shared memory object made by shm_open(3), or the file of a named semaphore. */
        SHARED_MEMORY,
        /** A regular file, with a page cache in front of a simulated disk. */
        REGULAR_FILE,
        /** The memory behind a MAP_SHARED|MAP_ANONYMOUS mapping. */
        ANONYMOUS
    }

    private final long id;
    private final Kind kind;
    private final String name;
    private final int uid;
    private volatile int mode;
    private volatile long size;
    private final Map<Long, PageFrame> pages = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> disk;
    private final Set<VirtualMemoryArea> mappers = ConcurrentHashMap.newKeySet();
    private final long createdMillis = System.currentTimeMillis();
    /** The tmpfs it holds pages of, or null outside /dev/shm (a regular file, anonymous memory). */
    private final TmpfsSpace space;
    /** Its pages that hold space in the tmpfs (guarded by this). */
    private final AllocatedPages allocated = new AllocatedPages();
    /** Descriptors open on it, in every process (guarded by this). */
    private int descriptors;
    /** Whether a name of /dev/shm still refers to it (guarded by this). */
    private boolean linked = true;
    /** Whether it ended, its pages given back (guarded by this). */
    private boolean ended;

    MemoryObject(long id, Kind kind, String name, int uid, int mode, long size) {
        this(id, kind, name, uid, mode, size, null);
    }

    /** An object holding pages of {@code space} (null: none, outside /dev/shm). */
    MemoryObject(long id, Kind kind, String name, int uid, int mode, long size, TmpfsSpace space) {
        this.space = space;
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.uid = uid;
        this.mode = mode;
        this.size = size;
        this.disk = kind == Kind.REGULAR_FILE ? new ConcurrentHashMap<>() : null;
    }

    /** The identity futexes and semaphores are keyed on. */
    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The name it was made with ({@code "/os_cp"}, {@code "/sem.x"}, a path), or null for anonymous memory. */
    public String name() {
        return name;
    }

    /** The owner's uid. */
    public int uid() {
        return uid;
    }

    /** The permission bits. */
    public int mode() {
        return mode;
    }

    /** The size in bytes ({@code st_size}). */
    public long size() {
        return size;
    }

    /** When it was made, in milliseconds since the epoch (for a listing's age). */
    public long createdMillis() {
        return createdMillis;
    }

    /** How many frames the object holds: what it costs. */
    public int residentPages() {
        return pages.size();
    }

    /**
     * How many pages it holds of its file system: what {@code du} shows of it, against the size that
     * {@code ls -l} shows. For an object of /dev/shm, the pages touched or allocated by
     * posix_fallocate(3); otherwise the frames it holds.
     */
    public synchronized long allocatedPages() {
        return space == null ? pages.size() : allocated.total();
    }

    /** Whether it holds pages of the /dev/shm tmpfs. */
    public boolean inTmpfs() {
        return space != null;
    }

    /** The pages that hold a frame, in order: what has been touched (the rest are holes). */
    public List<Long> residentPageIndices() {
        List<Long> indices = new ArrayList<>(pages.keySet());
        Collections.sort(indices);
        return indices;
    }

    /**
     * How many pages of the object the longest mapping of it covers, from the object's start: pages
     * from {@code ceil(size / 4096)} up to this are mapped but past the end.
     */
    public long mappedPages() {
        long most = 0;
        for (VirtualMemoryArea area : mappers) {
            most = Math.max(most, (area.fileOffset() + area.pagedLength()) / Limits.PAGE_SIZE);
        }
        return most;
    }

    /**
     * The 64-bit little-endian value at an offset as the kernel would read it for a report: 0 for
     * bytes in a hole or past the end, nothing made, nothing counted.
     */
    public long peekLong(long offset) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            long at = offset + i;
            PageFrame frame = at < 0 || at >= size ? null : pages.get(at / Limits.PAGE_SIZE);
            value = (value << 8) | (frame == null ? 0 : frame.getByte((int) (at % Limits.PAGE_SIZE)) & 0xFF);
        }
        return value;
    }

    /**
     * The frame of a page, made zero-filled on first touch, allocating the page when it is not yet
     * (charged to the tmpfs of an object of /dev/shm); null when the tmpfs has no page left for it (the
     * caller raises SIGBUS). The caller checked the page is below the size.
     */
    synchronized PageFrame frame(long pageIndex) {
        PageFrame frame = pages.get(pageIndex);
        if (frame != null) {
            return frame;
        }
        if (space != null && !allocated.contains(pageIndex)) {
            if (!space.charge(1)) {
                return null;
            }
            allocated.add(pageIndex, pageIndex + 1);
        }
        PageFrame made = new PageFrame();
        pages.put(pageIndex, made);
        return made;
    }

    /**
     * Allocates the pages {@code [firstPage, endPage)} that are not yet, all or none, as tmpfs's
     * fallocate does: false when the tmpfs has too few pages free (nothing is then allocated). The
     * pages get no frame until touched. Outside /dev/shm there is nothing to allocate.
     */
    synchronized boolean allocate(long firstPage, long endPage) {
        if (space == null) {
            return true;
        }
        long missing = (endPage - firstPage) - allocated.countIn(firstPage, endPage);
        if (!space.charge(missing)) {
            return false;
        }
        allocated.add(firstPage, endPage);
        return true;
    }

    /**
     * Records a page as allocated whose page the caller has already charged to the tmpfs (a named
     * semaphore's file, written before it has a name).
     */
    public synchronized void allocateCharged(long pageIndex) {
        allocated.add(pageIndex, pageIndex + 1);
    }

    /** The frame of a page if it was ever touched, else null (a hole reads as zeros). */
    PageFrame frameIfPresent(long pageIndex) {
        return pages.get(pageIndex);
    }

    /**
     * The bytes {@code [offset, offset + length)} as the object holds them, for a report or a test:
     * holes and bytes past the size read as zeros, and nothing is faulted in.
     */
    public byte[] peek(long offset, int length) {
        byte[] out = new byte[length];
        long end = Math.min(offset + length, size);
        for (long at = offset; at < end; ) {
            int inPage = (int) (at % Limits.PAGE_SIZE);
            int n = (int) Math.min(end - at, Limits.PAGE_SIZE - inPage);
            PageFrame frame = pages.get(at / Limits.PAGE_SIZE);
            if (frame != null) {
                frame.get(inPage, out, (int) (at - offset), n);
            }
            at += n;
        }
        return out;
    }

    /** The number of pages the size covers, the last one maybe partial. */
    long pageCount() {
        return pagesFor(size);
    }

    /**
     * The pages {@code size} bytes take, counted without rounding the size up first: a size near
     * Long.MAX_VALUE (a sparse object as large as Linux allows) would overflow when rounded.
     */
    static long pagesFor(long size) {
        return size / Limits.PAGE_SIZE + (size % Limits.PAGE_SIZE == 0 ? 0 : 1);
    }

    synchronized void addMapper(VirtualMemoryArea area) {
        mappers.add(area);
    }

    synchronized void removeMapper(VirtualMemoryArea area) {
        mappers.remove(area);
        endIfUnreferenced();
    }

    /** A descriptor was opened on it (or copied by fork). */
    synchronized void descriptorOpened() {
        descriptors++;
    }

    /** A descriptor on it was closed (or went with its process). */
    synchronized void descriptorClosed() {
        descriptors--;
        endIfUnreferenced();
    }

    /** Its name was removed from /dev/shm. */
    synchronized void unlinked() {
        linked = false;
        endIfUnreferenced();
    }

    /**
     * An object of /dev/shm that no name, descriptor or mapping refers to any more ends, as the inode
     * is evicted: its pages go back to the tmpfs. (Its frames are left to the garbage collector: no
     * process can reach them.)
     */
    private void endIfUnreferenced() {
        if (space == null || ended || linked || descriptors > 0 || !mappers.isEmpty()) {
            return;
        }
        ended = true;
        space.release(allocated.removeFrom(0));
    }

    /**
     * Sets the size, as ftruncate(2) does: growing adds holes that read as zero; shrinking drops the
     * frames past the end, zeroes the tail of a new partial last page, and removes the dropped pages
     * from every page table mapping them, so the next access there faults (SIGBUS).
     */
    public synchronized void resize(long newSize) {
        long old = size;
        size = newSize;
        if (newSize >= old) {
            return;
        }
        long keep = pagesFor(newSize);
        pages.keySet().removeIf(p -> p >= keep);
        if (space != null) {
            space.release(allocated.removeFrom(keep));
        }
        if (disk != null) {
            disk.keySet().removeIf(p -> p >= keep);
        }
        int tail = (int) (newSize % Limits.PAGE_SIZE);
        if (tail != 0) {
            PageFrame last = pages.get(keep - 1);
            if (last != null) {
                last.zeroFrom(tail);
            }
        }
        for (VirtualMemoryArea area : mappers) {
            area.dropObjectPagesFrom(keep);
        }
    }

    void chmod(int newMode) {
        mode = newMode;
    }

    /**
     * Copies the page-cache pages {@code [firstPage, endPage)} to the disk: what msync(2) does for a
     * regular file. Nothing to do for shared memory, which has no disk behind it.
     */
    void writeBack(long firstPage, long endPage) {
        if (disk == null) {
            return;
        }
        for (Map.Entry<Long, PageFrame> e : pages.entrySet()) {
            long p = e.getKey();
            if (p >= firstPage && p < endPage) {
                disk.put(p, e.getValue().snapshot());
            }
        }
    }

    /**
     * A power loss: the page cache goes and the file reads back what the disk holds, that is what was
     * written back by msync(2). The size is metadata and is kept.
     */
    synchronized void loseUnsyncedPages() {
        if (disk == null) {
            return;
        }
        pages.clear();
        for (Map.Entry<Long, byte[]> e : disk.entrySet()) {
            pages.put(e.getKey(), PageFrame.of(e.getValue()));
        }
        for (VirtualMemoryArea area : mappers) {
            area.dropObjectPagesFrom(0);
        }
    }

    @Override
    public String toString() {
        return (name == null ? "anonymous#" + id : name) + " (size " + size + ")";
    }
}
