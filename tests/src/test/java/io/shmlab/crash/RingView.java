package io.shmlab.crash;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.labs.Exercise4;
import io.shmlab.labs.RingBuffer;
import io.shmlab.stress.RingFixture;
import io.shmlab.stress.RingStressProgram;

/**
 * One process's view of a crash run's shared state: the ring, the ledger and the board mapped, and
 * the ring's three named semaphores open.
 */
record RingView(CrashSettings settings, Mapping ring, Mapping ledger, Mapping board, Semaphore empty, Semaphore full,
        Semaphore mutex) {

    /** Maps and opens everything; the objects must exist. */
    static RingView open(Os os, CrashSettings settings) {
        return new RingView(settings,
                RingStressProgram.map(os, settings.name(), settings.ring().size()),
                RingStressProgram.map(os, RingFixture.ledgerName(settings.name()), settings.ledger().size()),
                RingStressProgram.map(os, settings.boardName(), settings.board().size()),
                os.semOpen(settings.name() + Exercise4.EMPTY_SUFFIX, 0),
                os.semOpen(settings.name() + Exercise4.FULL_SUFFIX, 0),
                os.semOpen(settings.name() + Exercise4.MUTEX_SUFFIX, 0));
    }

    /** The lab's ring buffer over the mapped ring. */
    RingBuffer buffer() {
        return new RingBuffer(ring, settings.ring());
    }

    /** The ring's {@code first} (next slot to get). */
    long first() {
        return ring.getLong(settings.ring().firstOffset());
    }

    /** The ring's {@code last} (next slot to put). */
    long last() {
        return ring.getLong(settings.ring().lastOffset());
    }

    /** How many items the ring holds now. */
    long items() {
        long slots = settings.ring().maxElementsPlusOne();
        return Math.floorMod(last() - first(), slots);
    }

    /** The board field of a worker. */
    long worker(int worker, long field) {
        return settings.board().worker(worker, field);
    }

    /** Closes the semaphores and unmaps. */
    void close(Os os) {
        os.semClose(mutex);
        os.semClose(full);
        os.semClose(empty);
        os.munmap(board);
        os.munmap(ledger);
        os.munmap(ring);
    }
}
