package io.shmlab.sim.kernel;

import io.shmlab.api.Limits;
import io.shmlab.api.ShmSize;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The capacity of the simulated /dev/shm, a tmpfs: how many pages it may hold and how many its objects
 * (shared memory objects and named semaphores' files) have allocated. A page is charged when it is
 * allocated (the first load or store through a mapping, posix_fallocate, the write of a semaphore's
 * file) and released when the object is truncated below it or ends (unlinked, no longer open or
 * mapped); ftruncate charges nothing.
 *
 * <p>Every charge and release is told to the {@link TouchLog} as a {@link SpaceUse}, so that a
 * reduction of the schedules sees which steps may decide another's ENOSPC or SIGBUS. Charges may come
 * from several threads at once (loads and stores run outside calls in direct mode), so the count is
 * atomic.
 */
public final class TmpfsSpace {
    private final Kernel kernel;
    private final ShmSize size;
    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    TmpfsSpace(Kernel kernel, ShmSize size) {
        this.kernel = kernel;
        this.size = size;
        this.capacity = size.pages();
    }

    /** The capacity as it was given. */
    public ShmSize size() {
        return size;
    }

    /** How many pages it may hold. */
    public long capacityPages() {
        return capacity;
    }

    /** How many pages its objects hold: what {@code df /dev/shm} reports as used. */
    public long usedPages() {
        return used.get();
    }

    /** {@code 12 KiB of 1 MiB (3 of 256 pages)}: the use against the capacity, as a line says it. */
    public String describeUse() {
        long pages = usedPages();
        return ShmSize.bytes(pages * Limits.PAGE_SIZE) + " of " + size.describe() + " used (" + pages + " of "
                + capacity + " pages)";
    }

    /**
     * Allocates {@code pages} pages, all or none: false when fewer are free (nothing is then charged).
     * Charging nothing succeeds and is not told.
     */
    public boolean charge(long pages) {
        if (pages <= 0) {
            return true;
        }
        long now;
        do {
            now = used.get();
            if (pages > capacity - now) {
                tell(SpaceUse.REFUSED, pages, capacity - now);
                return false;
            }
        } while (!used.compareAndSet(now, now + pages));
        tell(SpaceUse.CHARGED, pages, capacity - now - pages);
        return true;
    }

    /** Whether {@code pages} more pages would fit now (a look: nothing is charged or told). */
    boolean wouldFit(long pages) {
        return pages <= capacity - used.get();
    }

    /** Gives back {@code pages} pages; giving back nothing is not told. */
    public void release(long pages) {
        if (pages <= 0) {
            return;
        }
        long now = used.addAndGet(-pages);
        tell(SpaceUse.RELEASED, pages, capacity - now);
    }

    /** A power loss: /dev/shm is empty. */
    void empty() {
        used.set(0);
    }

    private void tell(SpaceUse use, long pages, long free) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.space(use, pages, free);
        }
    }
}
