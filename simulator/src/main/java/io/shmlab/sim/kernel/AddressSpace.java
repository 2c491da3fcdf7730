package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.BusError;
import io.shmlab.api.FaultKind;
import io.shmlab.api.Limits;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.Protection;
import io.shmlab.api.SegmentationFault;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The virtual address space of one simulated process: its mappings by address, and the count of its
 * page faults.
 *
 * <p>Like Linux with address space layout randomisation, each process gets its own mmap base, so two
 * processes mapping the same object see it at different addresses; here the base is drawn from the
 * machine's seed and the pid, so the same seed gives the same addresses every run. New mappings are
 * placed top-down right below the previous one, as Linux's default layout does, under the C
 * library's mapping that every process starts with; an address once unmapped is not reused, so a
 * stale pointer always faults. A child made by fork(2) gets a copy at the same
 * addresses.
 */
public final class AddressSpace {
    /** The highest mmap base: below the x86_64 user-space top, as Linux's stack-relative base. */
    private static final long MMAP_TOP = 0x7ff0_0000_0000L;
    /** How far below the top the randomised base may fall (1 TiB, in pages). */
    private static final long RANDOM_PAGES = (1L << 40) / Limits.PAGE_SIZE;

    /** mmap never places anything below this (Linux's vm.mmap_min_addr is 64 KiB). */
    private static final long LOWEST_ADDRESS = 0x10000;

    private final long id;
    /** The kernel whose {@link TouchLog} hears of the pages the kernel touches on the process's behalf. */
    private final Kernel kernel;
    private final ConcurrentSkipListMap<Long, VirtualMemoryArea> areas = new ConcurrentSkipListMap<>();
    private final AtomicLong minorFaults;
    private long nextTop;

    private AddressSpace(long id, Kernel kernel, long nextTop, AtomicLong minorFaults) {
        this.id = id;
        this.kernel = kernel;
        this.nextTop = nextTop;
        this.minorFaults = minorFaults;
    }

    /**
     * A fresh address space whose mmap base is drawn from the seed and the pid, with the C library
     * mapped at the top of the mmap area, as the dynamic loader leaves every process before main().
     */
    static AddressSpace create(long id, long seed, int pid, MemoryObject cLibrary, Kernel kernel) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + pid);
        long base = MMAP_TOP - random.nextLong(RANDOM_PAGES) * Limits.PAGE_SIZE;
        AddressSpace space = new AddressSpace(id, kernel, base, new AtomicLong());
        space.map(cLibrary.size(), Protection.PROT_READ, io.shmlab.api.MapFlags.MAP_PRIVATE, cLibrary, 0);
        return space;
    }

    /** The identity private futexes are keyed on. */
    public long id() {
        return id;
    }

    /** Page faults so far: first touches of a page in this process, and copy-on-write copies. */
    public long minorFaults() {
        return minorFaults.get();
    }

    /** Pages of all mappings in memory for this process (its resident set). */
    public long residentPages() {
        long n = 0;
        for (VirtualMemoryArea a : areas.values()) {
            n += a.residentPages();
        }
        return n;
    }

    /** The mappings, by address. */
    public List<VirtualMemoryArea> areas() {
        return List.copyOf(areas.values());
    }

    /** True when a mapping of this length still fits below the previous ones (above the lowest address). */
    boolean hasRoomFor(long length) {
        return Limits.pageAlignUp(length) <= nextTop - LOWEST_ADDRESS;
    }

    /** Places a new mapping below the previous ones. */
    VirtualMemoryArea map(long length, int prot, int flags, MemoryObject object, long fileOffset) {
        long paged = Limits.pageAlignUp(length);
        // packed, as Linux packs them: the page past a mapping is often another mapping
        long start = nextTop - paged;
        nextTop = start;
        VirtualMemoryArea area = new VirtualMemoryArea(start, length, prot, flags, object, fileOffset, minorFaults);
        areas.put(start, area);
        if (object != null) {
            object.addMapper(area);
        }
        return area;
    }

    /** Removes a mapping: its addresses are SIGSEGV from now on. */
    void unmap(VirtualMemoryArea area) {
        if (areas.remove(area.start(), area)) {
            area.markUnmapped();
            if (area.object() != null) {
                area.object().removeMapper(area);
            }
        }
    }

    /** munmap(2) of the pages {@code [fromPage, toPage)} of a mapping; the last page takes the mapping. */
    void unmapPages(VirtualMemoryArea area, long fromPage, long toPage) {
        if (area.unmapPages(fromPage, toPage)) {
            unmap(area);
        }
    }

    /** Removes every mapping: the process ended. */
    void unmapAll() {
        for (VirtualMemoryArea a : areas()) {
            unmap(a);
        }
    }

    /** The mapping that starts at the address, even where munmap(2) took its first pages, or null. */
    public VirtualMemoryArea areaAt(long start) {
        return areas.get(start);
    }

    /** The mapping containing the address, or null. */
    public VirtualMemoryArea find(long address) {
        Map.Entry<Long, VirtualMemoryArea> below = areas.floorEntry(address);
        return below != null && below.getValue().contains(address) ? below.getValue() : null;
    }

    /**
     * The frame holding {@code address} for an access of the kernel on this process's behalf (a
     * semaphore's word), checked as the MMU checks a user access. What the access touches is not told
     * here: the caller tells it ({@link #tell}, {@link #tellCount}), as it alone knows how many bytes
     * and to what end.
     *
     * @throws MemoryFault SIGSEGV outside every mapping or against the protection, SIGBUS past the
     *     object's end
     */
    public PageFrame frameAt(long address, Access access) {
        VirtualMemoryArea area = find(address);
        if (area == null) {
            throw MemoryFault.of(FaultKind.NOT_MAPPED, access, address, 0,
                    "of an address outside every mapping of the process");
        }
        long offset = address - area.start();
        checkProtection(area, access, address, offset);
        PageFrame frame = area.frameFor(offset / Limits.PAGE_SIZE, access);
        if (frame == null) {
            throw busError(area, access, address, offset);
        }
        return frame;
    }

    /**
     * Tells the kernel's {@link TouchLog} an access of {@code [address, address + size)} the kernel
     * made on this process's behalf, after {@link #frameAt} allowed it (nothing for an address
     * outside every mapping).
     */
    public void tell(long address, int size, Access access) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            VirtualMemoryArea area = find(address);
            if (area != null) {
                area.tell(log, address - area.start(), size, access);
            }
        }
    }

    /**
     * Tells the kernel's {@link TouchLog} a change of the semaphore count whose 8-byte word is at
     * {@code address} ({@link TouchLog#semaphoreCount}), after {@link #frameAt} allowed it.
     */
    public void tellCount(long address, boolean up, long valueBefore) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            VirtualMemoryArea area = find(address);
            if (area != null) {
                area.tellCount(log, address - area.start(), up, valueBefore);
            }
        }
    }

    /**
     * The 64-bit value at an address as a load would see it, or 0 where the load would see zeros or
     * fault: a look by the kernel for its own reports, with no fault, no page made and nothing
     * counted, so that looking never changes what the process sees.
     */
    public long peekLong(long address) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            long at = address + i;
            VirtualMemoryArea area = find(at);
            PageFrame frame = area == null || !Protection.allowsRead(area.protection()) ? null
                    : area.peekFrame((at - area.start()) / Limits.PAGE_SIZE);
            int b = frame == null ? 0 : frame.getByte((int) ((at - area.start()) % Limits.PAGE_SIZE)) & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    static void checkProtection(VirtualMemoryArea area, Access access, long address, long offset) {
        boolean allowed = access == Access.READ ? Protection.allowsRead(area.protection())
                : Protection.allowsWrite(area.protection());
        if (!allowed) {
            throw SegmentationFault.refusedByProtection(access, address, offset, area.protection());
        }
    }

    static MemoryFault pastEnd(VirtualMemoryArea area, Access access, long address, long offset) {
        return BusError.pastEndOfObject(access, address, offset, area.object().size());
    }

    /**
     * The SIGBUS of an access whose page got no frame ({@link VirtualMemoryArea#frameFor} gave null):
     * past the end of the object, or a first touch the tmpfs had no room for.
     */
    static MemoryFault busError(VirtualMemoryArea area, Access access, long address, long offset) {
        if (area.firstOffsetPastObject(offset, 1) >= 0) {
            return pastEnd(area, access, address, offset);
        }
        return BusError.noSpace(access, address, offset);
    }

    /** A copy for a child of fork(2): the same mappings at the same addresses. */
    AddressSpace forkCopy(long childId) {
        AddressSpace child = new AddressSpace(childId, kernel, nextTop, new AtomicLong());
        for (VirtualMemoryArea a : areas.values()) {
            child.areas.put(a.start(), a.forkCopy(child.minorFaults));
        }
        return child;
    }
}
