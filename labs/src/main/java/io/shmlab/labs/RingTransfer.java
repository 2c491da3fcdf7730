package io.shmlab.labs;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exercise 4's ring buffer ({@link RingBuffer} over {@link RingBufferLayout}, the semaphores of
 * {@link Exercise4}) driven by a program instead of a terminal: many items through it, for the tests
 * and the benchmarks. Every process of a run takes a role from the semaphore {@code NAME-producers},
 * created with the number of producers: a process whose sem_trywait succeeds produces
 * {@code items} items of 256 bytes (item i starts with the long i, little-endian), the others each
 * consume {@code items} items and print their checksum (the sum of those longs) and their rate.
 *
 * <p>Every object is created with O_CREAT by whichever process comes first (shm_open, ftruncate to
 * the same size, sem_open with its value, all atomic or idempotent), so a run needs no set-up; whoever
 * starts the run unlinks the object and its four semaphores ({@link #names}) afterwards.
 *
 * <p>The rate is measured as {@code c/ring.c} in the benchmarks measures it: from the moment the
 * consumer has the first item to the moment it has the last, so the start-up of the processes is not
 * counted on either side.
 *
 * <p>Arguments: {@code name items [producers [capacity]]}: one producer and the seed's capacity (10)
 * by default.
 */
public final class RingTransfer implements Program {
    /** The suffix of the semaphore the roles are taken from. */
    public static final String PRODUCERS_SUFFIX = "-producers";

    private final String name;
    private final long items;
    private final int producers;
    private final RingBufferLayout layout;

    /** @param args {@code name items [producers [capacity]]} */
    public RingTransfer(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: name items [producers [capacity]]");
        }
        this.name = args[0];
        this.items = Long.parseLong(args[1]);
        this.producers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int capacity = args.length > 3 ? Integer.parseInt(args[3]) : RingBufferLayout.DEFAULT_MAX_ELEMENTS_PLUS_ONE - 1;
        this.layout = RingBufferLayout.forCapacity(capacity);
        if (items < 1 || producers < 1) {
            throw new IllegalArgumentException("items=" + items + ", producers=" + producers);
        }
    }

    /** The spec of a run moving {@code items} items from each of {@code producers} producers. */
    public static ProgramSpec spec(String name, long items, int producers) {
        return ProgramSpec.of(RingTransfer.class, name, Long.toString(items), Integer.toString(producers));
    }

    /** The semaphores a run over {@code name} creates, besides the object {@code name} itself. */
    public static List<String> names(String name) {
        List<String> all = new ArrayList<>(Exercise4.semaphoreNames(name));
        all.add(name + PRODUCERS_SUFFIX);
        return all;
    }

    /** Removes the object {@code name} and the semaphores of a run over it ({@link #names}) that exist. */
    public static void removeNames(Os os, String name) {
        Unlink.shmIfPresent(os, name);
        for (String sem : names(name)) {
            Unlink.semIfPresent(os, sem);
        }
    }

    /** The sum of the longs a consumer receives when every producer sends items 0 to {@code items - 1}. */
    public static long checksumOf(long items) {
        return items * (items - 1) / 2;
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, layout.size());
        Mapping mapping = os.mmap(layout.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        RingBuffer buffer = new RingBuffer(mapping, layout);
        Semaphore empty = os.semOpen(name + Exercise4.EMPTY_SUFFIX, O_CREAT, 0600, layout.capacity());
        Semaphore full = os.semOpen(name + Exercise4.FULL_SUFFIX, O_CREAT, 0600, 0);
        Semaphore mutex = os.semOpen(name + Exercise4.MUTEX_SUFFIX, O_CREAT, 0600, 1);
        Semaphore roles = os.semOpen(name + PRODUCERS_SUFFIX, O_CREAT, 0600, producers);
        if (os.semTrywait(roles)) {
            produce(os, buffer, empty, full, mutex);
        } else {
            consume(os, buffer, empty, full, mutex);
        }
        os.semClose(roles);
        os.semClose(mutex);
        os.semClose(full);
        os.semClose(empty);
        os.munmap(mapping);
        return 0;
    }

    private void produce(Os os, RingBuffer buffer, Semaphore empty, Semaphore full, Semaphore mutex) {
        byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
        for (long i = 0; i < items; i++) {
            putLong(item, i);
            os.semWait(empty);
            os.semWait(mutex);
            boolean stored = buffer.put(item);
            os.semPost(mutex);
            if (!stored) {
                throw new IllegalStateException(name + Exercise4.EMPTY_SUFFIX + " let a put into a full buffer");
            }
            os.semPost(full);
        }
        os.println("produced " + items);
    }

    private void consume(Os os, RingBuffer buffer, Semaphore empty, Semaphore full, Semaphore mutex) {
        long checksum = 0;
        long start = 0;
        byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
        for (long i = 0; i < items; i++) {
            os.semWait(full);
            if (i == 0) {
                start = System.nanoTime();
            }
            os.semWait(mutex);
            boolean got = buffer.get(item);
            os.semPost(mutex);
            if (!got) {
                throw new IllegalStateException(name + Exercise4.FULL_SUFFIX + " let a get from an empty buffer");
            }
            os.semPost(empty);
            checksum += getLong(item);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        os.println("checksum " + checksum);
        os.println(String.format(Locale.ROOT, "items_per_second %.1f", items / seconds));
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
