package io.shmlab.stress;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;
import io.shmlab.labs.Exercise4;
import io.shmlab.labs.RingBuffer;
import io.shmlab.labs.RingBufferLayout;

/**
 * Exercise 4 with several producers and consumers: every process of a run takes the next role from
 * the ledger's roster (the first P produce, the next C consume), then moves items through the lab's
 * {@link RingBuffer} with exactly the exercise's protocol: {@code wait(empty) wait(mutex) put
 * post(mutex) post(full)} and {@code wait(full) wait(mutex) get post(mutex) post(empty)}.
 *
 * <p>Producer p sends items (p, 0) ... (p, N-1) ({@link StressItem}). A consumer first claims an item
 * with an atomic add on the ledger's {@code claims} (so exactly P * N gets happen in all and nobody
 * waits for an item that will never come), then gets one, checks it, and adds one to its receipt.
 *
 * <p>The ring object {@code NAME}, its semaphores ({@link Exercise4#semaphoreNames}) and the ledger
 * {@code NAME-ledger} ({@link LedgerLayout}) are made by whoever starts the run ({@link RingFixture}).
 *
 * <p>Arguments: {@code NAME PRODUCERS CONSUMERS ITEMS_PER_PRODUCER CAPACITY}.
 */
public final class RingStressProgram implements Program {
    private final String name;
    private final int producers;
    private final int consumers;
    private final RingBufferLayout ring;
    private final LedgerLayout ledger;

    public RingStressProgram(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: NAME PRODUCERS CONSUMERS ITEMS_PER_PRODUCER CAPACITY");
        }
        this.name = args[0];
        this.producers = Integer.parseInt(args[1]);
        this.consumers = Integer.parseInt(args[2]);
        this.ledger = LedgerLayout.of(producers, Integer.parseInt(args[3]));
        this.ring = RingBufferLayout.forCapacity(Integer.parseInt(args[4]));
    }

    @Override
    public int main(Os os) {
        Mapping ringMemory = map(os, name, ring.size());
        Mapping ledgerMemory = map(os, RingFixture.ledgerName(name), ledger.size());
        Semaphore empty = os.semOpen(name + Exercise4.EMPTY_SUFFIX, 0);
        Semaphore full = os.semOpen(name + Exercise4.FULL_SUFFIX, 0);
        Semaphore mutex = os.semOpen(name + Exercise4.MUTEX_SUFFIX, 0);
        RingBuffer buffer = new RingBuffer(ringMemory, ring);
        int role = ledgerMemory.getAndAddInt(LedgerLayout.ROSTER_OFFSET, 1);
        if (role < producers) {
            produce(os, role, buffer, empty, full, mutex);
            ledgerMemory.getAndAddInt(LedgerLayout.PRODUCERS_DONE_OFFSET, 1);
        } else if (role < producers + consumers) {
            consume(os, role - producers, buffer, ledgerMemory, empty, full, mutex);
            ledgerMemory.getAndAddInt(LedgerLayout.CONSUMERS_DONE_OFFSET, 1);
        } else {
            os.println("role " + role + ": the run has more processes than producers and consumers");
            return 2;
        }
        os.semClose(mutex);
        os.semClose(full);
        os.semClose(empty);
        os.munmap(ledgerMemory);
        os.munmap(ringMemory);
        return 0;
    }

    private void produce(Os os, int id, RingBuffer buffer, Semaphore empty, Semaphore full, Semaphore mutex) {
        byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
        final int items = ledger.perProducer();
        for (int s = 0; s < items; s++) {
            StressItem.encode(item, id, s);
            os.semWait(empty);
            os.semWait(mutex);
            boolean stored = buffer.put(item);
            os.semPost(mutex);
            if (!stored) {
                throw new IllegalStateException("the empty semaphore let producer " + id + " into a full buffer");
            }
            os.semPost(full);
        }
        os.println("producer " + id + " sent " + items);
    }

    private void consume(Os os, int id, RingBuffer buffer, Mapping ledgerMemory, Semaphore empty, Semaphore full,
            Semaphore mutex) {
        final int total = ledger.items();
        long got = 0;
        while (ledgerMemory.getAndAddInt(LedgerLayout.CLAIMS_OFFSET, 1) < total) {
            os.semWait(full);
            os.semWait(mutex);
            byte[] item = buffer.get();
            os.semPost(mutex);
            if (item == null) {
                throw new IllegalStateException("the full semaphore let consumer " + id + " into an empty buffer");
            }
            os.semPost(empty);
            Receipts.record(ledgerMemory, ledger, item);
            got++;
        }
        os.println("consumer " + id + " got " + got);
    }

    public static Mapping map(Os os, String objectName, long size) {
        OpenFile fd = os.shmOpen(objectName, OpenFlags.O_RDWR, 0);
        try {
            return os.mmap(size, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        } finally {
            os.close(fd);
        }
    }
}
