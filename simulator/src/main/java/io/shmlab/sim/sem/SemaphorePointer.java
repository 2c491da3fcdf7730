package io.shmlab.sim.sem;

import io.shmlab.api.Access;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.SemT;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.MappedRegion;

/**
 * A {@code sem_t *} in the simulator: an address, with the name for one from sem_open(3), or the
 * mapping and offset for one made by sem_init(3) or taken with {@code semAt}. Like a C pointer it is
 * interpreted in the address space of the process that uses it.
 *
 * @param name the name given to sem_open, or null
 * @param address the virtual address of the {@code sem_t}
 * @param mapping the mapping it lies in, or null for a named semaphore
 * @param offset its offset in that mapping
 */
public record SemaphorePointer(String name, long address, Mapping mapping, long offset) implements Semaphore {

    /** A named semaphore's pointer, into the page sem_open(3) mapped for it. */
    public static SemaphorePointer named(String name, MappedRegion page) {
        return new SemaphorePointer(name, page.address(), page, 0);
    }

    /**
     * Whether the mapping it points into is still mapped in {@code caller}: false after munmap(2)
     * of it, or after the last sem_close(3) of a named one, even where another mapping now lies at
     * the same address (the api holds a pointer to its own mapping, as both backends do).
     */
    public boolean mappedIn(KernelProcess caller) {
        return !(mapping instanceof MappedRegion region) || region.mappedIn(caller);
    }

    /** The pointer to the {@code sem_t} at an offset of a mapping. */
    public static SemaphorePointer in(Mapping mapping, long offset) {
        return new SemaphorePointer(null, mapping.address() + offset, mapping, offset);
    }

    /**
     * Checks an access of {@code size} bytes at {@code field} of the {@code sem_t}, as every access
     * through a {@link Mapping} is checked: the bytes must lie inside the mapping it was taken from
     * ({@code length()} rounded up to whole pages), the mapping still mapped. Only the bytes glibc's
     * instruction touches are checked, so the unused tail of a {@code sem_t} may lie outside.
     *
     * @throws MemoryFault SIGSEGV at the first byte outside the mapping
     */
    public void checkAccess(KernelProcess caller, long field, int size, Access access) {
        if (mapping == null) {
            return;
        }
        if (!mappedIn(caller)) {
            throw name != null
                    ? SegmentationFault.afterLastSemClose(access, address + field, offset + field, describe())
                    : SegmentationFault.unmapped(access, address + field, offset + field);
        }
        long extent = Limits.pageAlignUp(mapping.length());
        long at = offset + field;
        if (at < 0 || at > extent - size) {
            throw SegmentationFault.outsideMapping(access, mapping.address(), at, extent);
        }
        long hole = mapping instanceof MappedRegion region ? region.firstUnmappedOffset(caller, at, size) : -1;
        if (hole >= 0) {
            throw SegmentationFault.partlyUnmapped(access, mapping.address() + hole, hole);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
