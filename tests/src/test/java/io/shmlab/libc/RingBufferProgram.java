package io.shmlab.libc;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;

/**
 * Exercise 4 between two real processes: the first to take a role produces {@code args[1]} items of
 * 256 bytes (item i starts with the long i), the other consumes them and prints their checksum and
 * its rate. The object {@code args[0]} ({@link RingLayout}) and the semaphores {@code args[0]-empty},
 * {@code -full}, {@code -mutex} are made by whoever starts the run.
 */
public final class RingBufferProgram implements Program {
    private final String name;
    private final long items;

    public RingBufferProgram(String[] args) {
        this.name = args[0];
        this.items = Long.parseLong(args[1]);
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, OpenFlags.O_RDWR, 0);
        Mapping ring = os.mmap(RingLayout.SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        Semaphore empty = os.semOpen(name + "-empty", 0);
        Semaphore full = os.semOpen(name + "-full", 0);
        Semaphore mutex = os.semOpen(name + "-mutex", 0);
        byte[] item = new byte[RingLayout.ITEM_SIZE];
        if (ring.getAndAddInt(RingLayout.ROLE_OFFSET, 1) == 0) {
            for (long i = 0; i < items; i++) {
                putLong(item, i);
                os.semWait(empty);
                os.semWait(mutex);
                long last = ring.getLong(RingLayout.LAST_OFFSET);
                ring.put(RingLayout.slot(last), item, 0, item.length);
                ring.putLong(RingLayout.LAST_OFFSET, (last + 1) % RingLayout.SLOTS);
                os.semPost(mutex);
                os.semPost(full);
            }
            os.println("produced " + items);
        } else {
            long checksum = 0;
            long start = 0;
            for (long i = 0; i < items; i++) {
                os.semWait(full);
                if (i == 0) {
                    start = System.nanoTime();
                }
                os.semWait(mutex);
                long first = ring.getLong(RingLayout.FIRST_OFFSET);
                ring.get(RingLayout.slot(first), item, 0, item.length);
                ring.putLong(RingLayout.FIRST_OFFSET, (first + 1) % RingLayout.SLOTS);
                os.semPost(mutex);
                os.semPost(empty);
                checksum += getLong(item);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            os.println("checksum " + checksum);
            os.println(String.format(java.util.Locale.ROOT, "items_per_second %.1f", items / seconds));
        }
        os.munmap(ring);
        os.semClose(empty);
        os.semClose(full);
        os.semClose(mutex);
        return 0;
    }

    private static void putLong(byte[] item, long value) {
        for (int b = 0; b < Long.BYTES; b++) {
            item[b] = (byte) (value >>> (8 * b));
        }
    }

    private static long getLong(byte[] item) {
        long value = 0;
        for (int b = 0; b < Long.BYTES; b++) {
            value |= (item[b] & 0xFFL) << (8 * b);
        }
        return value;
    }
}
