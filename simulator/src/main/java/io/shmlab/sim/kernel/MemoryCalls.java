package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.Protection;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.SyncFlags;

/**
 * The calls on address spaces: mmap(2), munmap(2), msync(2), and the lookup of an address. The checks
 * of mmap come in the order Linux makes them (sys_mmap, ksys_mmap_pgoff, do_mmap; measured for every
 * combination of MAP_SHARED, MAP_PRIVATE and MAP_ANONYMOUS, with and without a descriptor): an offset
 * not page aligned (EINVAL, even for anonymous memory); without MAP_ANONYMOUS the descriptor (EBADF);
 * a zero length (EINVAL); a length the address space cannot hold (ENOMEM); for a file, an offset whose
 * pages pass the largest file offset (EOVERFLOW); then the type: a file mapping takes MAP_SHARED,
 * MAP_PRIVATE or both (MAP_SHARED_VALIDATE), anonymous memory exactly one of them (else EINVAL); last
 * the access the descriptor allows: PROT_WRITE with a shared type needs it writable, and every file
 * mapping needs it readable (EACCES).
 */
public final class MemoryCalls {
    /** The largest length Linux accepts on x86_64: TASK_SIZE, the 47-bit user space less a page. */
    private static final long MAX_LENGTH = (1L << 47) - Limits.PAGE_SIZE;
    private static final int MAP_TYPE = 0x0f;

    private final Kernel kernel;

    MemoryCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Models mmap(2) of a descriptor, or of anonymous memory when flags hold MAP_ANONYMOUS (the
     * descriptor is then ignored, even a closed one, and the offset is only checked for alignment).
     */
    public MappedRegion mmap(KernelProcess caller, long length, int prot, int flags, OpenFile file, long offset) {
        String args = length + ", " + Protection.describe(prot) + ", " + describeFlags(flags) + ", "
                + (file == null ? "-1" : file.fd()) + ", " + offset;
        if (offset % Limits.PAGE_SIZE != 0) {
            throw new PosixException(Errno.EINVAL, "mmap", args);
        }
        if ((flags & MapFlags.MAP_ANONYMOUS) != 0) {
            return anonymous(caller, length, prot, flags, args);
        }
        OpenDescription d = file == null ? null : caller.descriptors().get(file, "mmap");
        if (d == null) {
            throw new PosixException(Errno.EBADF, "mmap", args);
        }
        checkLength(length, args);
        checkRoom(caller, length, args);
        if (offset < 0 || offset + Limits.pageAlignUp(length) < 0) {
            throw new PosixException(Errno.EOVERFLOW, "mmap", args);
        }
        boolean shared = fileMappingIsShared(flags, args);
        if (!d.readable() || (shared && Protection.allowsWrite(prot) && !d.writable())) {
            throw new PosixException(Errno.EACCES, "mmap", args);
        }
        return new MappedRegion(caller, caller.space().map(length, prot, normalise(flags), d.object(), offset));
    }

    /** Models mmap(2) with MAP_ANONYMOUS: zero-filled memory, shared with children when MAP_SHARED. */
    public MappedRegion mmapAnonymous(KernelProcess caller, long length, int prot, int flags) {
        String args = length + ", " + Protection.describe(prot) + ", " + describeFlags(flags | MapFlags.MAP_ANONYMOUS)
                + ", -1, 0";
        return anonymous(caller, length, prot, flags, args);
    }

    private MappedRegion anonymous(KernelProcess caller, long length, int prot, int flags, String args) {
        checkLength(length, args);
        checkRoom(caller, length, args);
        boolean shared = anonymousMappingIsShared(flags, args);
        MemoryObject object = shared
                ? new MemoryObject(kernel.newId(), MemoryObject.Kind.ANONYMOUS, null, caller.uid(), 0600,
                        Limits.pageAlignUp(length))
                : null;
        return new MappedRegion(caller, caller.space().map(length, prot, normalise(flags) | MapFlags.MAP_ANONYMOUS,
                object, 0));
    }

    private static void checkLength(long length, String args) {
        if (length == 0 || length < 0) {
            throw new PosixException(length == 0 ? Errno.EINVAL : Errno.ENOMEM, "mmap", args);
        }
        if (length > MAX_LENGTH) {
            throw new PosixException(Errno.ENOMEM, "mmap", args);
        }
    }

    /** ENOMEM when the address space has no room left for the length. */
    private static void checkRoom(KernelProcess caller, long length, String args) {
        if (!caller.space().hasRoomFor(length)) {
            throw new PosixException(Errno.ENOMEM, "mmap", args);
        }
    }

    /**
     * The mapping type of a file mapping (do_mmap's switch on {@code flags & MAP_TYPE}): true for
     * MAP_SHARED and MAP_SHARED_VALIDATE (MAP_SHARED | MAP_PRIVATE), false for MAP_PRIVATE; EINVAL
     * for anything else.
     */
    private static boolean fileMappingIsShared(int flags, String args) {
        int type = flags & MAP_TYPE;
        if (type == MapFlags.MAP_SHARED || type == (MapFlags.MAP_SHARED | MapFlags.MAP_PRIVATE)) {
            return true;
        }
        if (type == MapFlags.MAP_PRIVATE) {
            return false;
        }
        throw new PosixException(Errno.EINVAL, "mmap", args);
    }

    /**
     * The mapping type of anonymous memory: MAP_SHARED or MAP_PRIVATE alone; do_mmap's anonymous
     * switch knows no MAP_SHARED_VALIDATE, so both flags together are EINVAL, as neither is.
     */
    private static boolean anonymousMappingIsShared(int flags, String args) {
        int type = flags & MAP_TYPE;
        if (type == MapFlags.MAP_SHARED || type == MapFlags.MAP_PRIVATE) {
            return type == MapFlags.MAP_SHARED;
        }
        throw new PosixException(Errno.EINVAL, "mmap", args);
    }

    private static int normalise(int flags) {
        int type = flags & MAP_TYPE;
        int kept = flags & MapFlags.MAP_ANONYMOUS;
        return kept | (type == MapFlags.MAP_PRIVATE ? MapFlags.MAP_PRIVATE : MapFlags.MAP_SHARED);
    }

    static String describeFlags(int flags) {
        StringBuilder s = new StringBuilder();
        int type = flags & MAP_TYPE;
        s.append(type == MapFlags.MAP_SHARED ? "MAP_SHARED" : type == MapFlags.MAP_PRIVATE ? "MAP_PRIVATE"
                : "0x" + Integer.toHexString(type));
        if ((flags & MapFlags.MAP_ANONYMOUS) != 0) {
            s.append("|MAP_ANONYMOUS");
        }
        return s.toString();
    }

    /**
     * Maps an object without a descriptor, as a library does right after opening it (glibc's sem_open
     * maps the semaphore's file, then closes the descriptor).
     */
    public MappedRegion mapObject(KernelProcess caller, MemoryObject object, long length, int prot, int flags) {
        return new MappedRegion(caller, caller.space().map(length, prot, normalise(flags), object, 0));
    }

    /**
     * Models munmap(2) of a whole mapping, found at its address in the caller's address space.
     * Unmapping addresses that are no longer mapped succeeds, as on Linux.
     */
    public void munmap(KernelProcess caller, Mapping mapping) {
        VirtualMemoryArea area = caller.space().areaAt(mapping.address());
        if (area != null) {
            caller.space().unmap(area);
        }
    }

    /**
     * Models munmap(2) of {@code length} bytes at {@code offset} of a mapping: Linux's argument checks
     * (an unaligned address, a length of 0, a range past the top of the address space: EINVAL), then
     * the pages of the range that lie in this mapping are unmapped (see {@link io.shmlab.api.Os#munmap(Mapping, long, long)}).
     */
    public void munmap(KernelProcess caller, Mapping mapping, long offset, long length) {
        long address = mapping.address() + offset;
        if (!Limits.munmapArgumentsValid(address, length)) {
            throw new PosixException(Errno.EINVAL, "munmap", "0x" + Long.toHexString(address) + ", " + length);
        }
        VirtualMemoryArea area = ownArea(caller, mapping);
        if (area == null) {
            return;
        }
        long from = Math.max(address, area.start());
        long to = Math.min(address + Limits.pageAlignUp(length), area.end());
        if (from < to) {
            caller.space().unmapPages(area, (from - area.start()) / Limits.PAGE_SIZE, (to - area.start()) / Limits.PAGE_SIZE);
        }
    }

    /**
     * Models msync(2) on {@code [address + offset, address + offset + length)}: MS_SYNC writes the
     * pages of a shared file mapping back to the disk. MS_ASYNC only schedules that on Linux; here the
     * write-back it schedules never runs before a {@link Kernel#losePower power loss}, so only MS_SYNC
     * makes data durable. Flags other than the three, or MS_SYNC with MS_ASYNC, or an unaligned start
     * are EINVAL; a range not wholly inside this mapping's pages, or a mapping no longer mapped, is
     * ENOMEM, as where nothing is mapped next to it. (Linux would go on into a neighbouring mapping;
     * what neighbours a mapping has differs between the backends, so the api holds both to the
     * mapping itself, as it does every access.)
     */
    public void msync(KernelProcess caller, Mapping mapping, long offset, long length, int flags) {
        long address = mapping.address() + offset;
        String args = "0x" + Long.toHexString(address) + ", " + length + ", " + flags;
        int known = SyncFlags.MS_ASYNC | SyncFlags.MS_INVALIDATE | SyncFlags.MS_SYNC;
        if ((flags & ~known) != 0 || address % Limits.PAGE_SIZE != 0
                || ((flags & SyncFlags.MS_ASYNC) != 0 && (flags & SyncFlags.MS_SYNC) != 0)) {
            throw new PosixException(Errno.EINVAL, "msync", args);
        }
        // Linux rounds the length up as an unsigned number: a length of -1 wraps to 0 and succeeds
        long end = address + Limits.pageAlignUp(length);
        if (Long.compareUnsigned(end, address) < 0) {
            throw new PosixException(Errno.ENOMEM, "msync", args);
        }
        if (end == address) {
            return;
        }
        VirtualMemoryArea area = ownArea(caller, mapping);
        if (area == null || address < area.start() || Long.compareUnsigned(end, area.end()) > 0
                || area.firstUnmappedOffset(address - area.start(), end - address) >= 0) {
            throw new PosixException(Errno.ENOMEM, "msync", args);
        }
        if ((flags & SyncFlags.MS_SYNC) != 0 && area.shared() && area.object() != null) {
            long from = address - area.start() + area.fileOffset();
            long to = end - area.start() + area.fileOffset();
            TouchLog log = kernel.touches();
            if (log.recording()) {
                log.memory(area.object().id(), from, to - from, Access.READ);
            }
            area.object().writeBack(from / Limits.PAGE_SIZE, to / Limits.PAGE_SIZE);
        }
    }

    /**
     * The caller's area the mapping names: its own while mapped, or (in a child after fork) the copy
     * at the same address; null when it is gone, even if another mapping took its place.
     */
    private static VirtualMemoryArea ownArea(KernelProcess caller, Mapping mapping) {
        VirtualMemoryArea area = caller.space().areaAt(mapping.address());
        if (area == null || area.start() != mapping.address() || area.unmapped()) {
            return null;
        }
        if (mapping instanceof MappedRegion region && region.owner() == caller && region.area() != area) {
            return null;
        }
        return area;
    }

    /**
     * The mapping of the caller that contains an address: what dereferencing a pointer finds.
     *
     * @throws MemoryFault SIGSEGV when no mapping contains it
     */
    public MappedRegion mappingAt(KernelProcess caller, long address) {
        VirtualMemoryArea area = caller.space().find(address);
        if (area == null) {
            throw SegmentationFault.outsideEveryMapping(Access.READ, address, caller.pid());
        }
        return new MappedRegion(caller, area);
    }
}
