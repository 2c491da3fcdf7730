package student.ring;

import static io.shmlab.api.OpenFlags.O_CREAT;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Exercise 4's ring buffer in shared memory, synchronized by three named semaphores: {@code empty}
 * counts free slots, {@code full} counts items, {@code mutex} lets one process at a time move an index.
 */
public class RingBuffer {
    protected final Os os;
    protected final Mapping ring;
    private final Semaphore empty;
    private final Semaphore full;
    private final Semaphore mutex;

    /** Opens (or creates, with their first values) the ring's semaphores. */
    public RingBuffer(Os os, Mapping ring, String name) {
        this.os = os;
        this.ring = ring;
        this.empty = os.semOpen(name + "-empty", O_CREAT, 0600, RingLayout.ITEMS - 1);
        this.full = os.semOpen(name + "-full", O_CREAT, 0600, 0);
        this.mutex = os.semOpen(name + "-mutex", O_CREAT, 0600, 1);
    }

    /** Waits for a free slot, then adds the item. */
    public void put(String item) {
        os.semWait(empty);
        lock();
        long last = ring.getLong(RingLayout.LAST_OFFSET);
        byte[] slot = Arrays.copyOf(item.getBytes(StandardCharsets.UTF_8), RingLayout.ITEM_SIZE);
        ring.put(RingLayout.slot(last), slot, 0, slot.length);            // memcpy(&data[last], item, sizeof(item_t))
        ring.putLong(RingLayout.LAST_OFFSET, (last + 1) % RingLayout.ITEMS);
        unlock();
        os.semPost(full);
    }

    /** Waits for an item, then takes it. */
    public String get() {
        os.semWait(full);
        lock();
        long first = ring.getLong(RingLayout.FIRST_OFFSET);
        byte[] slot = new byte[RingLayout.ITEM_SIZE];
        ring.get(RingLayout.slot(first), slot, 0, slot.length);            // memcpy(item, &data[first], sizeof(item_t))
        ring.put(RingLayout.slot(first), new byte[RingLayout.ITEM_SIZE], 0, RingLayout.ITEM_SIZE);
        ring.putLong(RingLayout.FIRST_OFFSET, (first + 1) % RingLayout.ITEMS);
        unlock();
        os.semPost(empty);
        int length = 0;
        while (length < slot.length && slot[length] != 0) {
            length++;
        }
        return new String(slot, 0, length, StandardCharsets.UTF_8);
    }

    /** Enters the critical section around the indices. */
    protected void lock() {
        os.semWait(mutex);
    }

    /** Leaves it. */
    protected void unlock() {
        os.semPost(mutex);
    }
}
