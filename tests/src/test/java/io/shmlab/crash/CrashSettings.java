package io.shmlab.crash;

import io.shmlab.labs.RingBufferLayout;
import io.shmlab.stress.LedgerLayout;
import java.time.Duration;
import java.util.List;

/**
 * One crash run of Exercise 4's ring, as every process of it is told on its command line.
 *
 * @param name the ring's object name; the ledger is {@code NAME-ledger}, the board {@code NAME-board}
 * @param producers producers, workers 0 to P-1
 * @param consumers consumers, workers P to P+C-1
 * @param perProducer items each producer sends
 * @param capacity the ring's capacity (MAX_ELEMENTS_PLUS_ONE - 1)
 * @param patience how long a timed wait waits before the worker looks around
 * @param holdAfter the worker that stops for good inside the critical section after this many
 *     items ({@code -1}: none does), for a test to kill while it holds the mutex
 * @param holdingWorker which worker does so
 * @param holdStage where in the critical section it stops: {@link #BEFORE_THE_RING_CHANGES} (the
 *     mutex taken, the ring untouched) or {@link #AFTER_THE_RING_CHANGED} (a producer's {@code last}
 *     advanced but {@code full} not posted; a consumer's {@code first} advanced but no receipt yet)
 */
record CrashSettings(String name, int producers, int consumers, int perProducer, int capacity, Duration patience,
        int holdAfter, int holdingWorker, int holdStage) {

    /** holdStage: the worker stops once it holds the mutex, before it puts or gets. */
    static final int BEFORE_THE_RING_CHANGES = 0;
    /** holdStage: the worker stops just after its put or get moved the ring's index. */
    static final int AFTER_THE_RING_CHANGED = 1;

    /** The suffix of the board object. */
    static final String BOARD_SUFFIX = "-board";

    CrashSettings {
        if (producers < 1 || consumers < 1 || perProducer < 1 || capacity < 1) {
            throw new IllegalArgumentException("producers=" + producers + ", consumers=" + consumers
                    + ", perProducer=" + perProducer + ", capacity=" + capacity);
        }
        if (holdStage != BEFORE_THE_RING_CHANGES && holdStage != AFTER_THE_RING_CHANGED) {
            throw new IllegalArgumentException("holdStage=" + holdStage);
        }
        if (patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("patience=" + patience);
        }
    }

    /** Parses what {@link #toArgs()} made. */
    static CrashSettings parse(List<String> args) {
        if (args.size() != 9) {
            throw new IllegalArgumentException("NAME PRODUCERS CONSUMERS PER_PRODUCER CAPACITY PATIENCE_MS HOLD_AFTER "
                    + "HOLDING_WORKER HOLD_STAGE; got " + args);
        }
        return new CrashSettings(args.get(0), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)),
                Integer.parseInt(args.get(3)), Integer.parseInt(args.get(4)),
                Duration.ofMillis(Long.parseLong(args.get(5))), Integer.parseInt(args.get(6)),
                Integer.parseInt(args.get(7)), Integer.parseInt(args.get(8)));
    }

    /** The command-line form. */
    List<String> toArgs() {
        return List.of(name, Integer.toString(producers), Integer.toString(consumers), Integer.toString(perProducer),
                Integer.toString(capacity), Long.toString(patience.toMillis()), Integer.toString(holdAfter),
                Integer.toString(holdingWorker), Integer.toString(holdStage));
    }

    /** How often a parked worker, or a supervisor waiting for the workers to park, looks again. */
    Duration poll() {
        Duration quarter = patience.dividedBy(4);
        return quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    int workers() {
        return producers + consumers;
    }

    boolean isProducer(int worker) {
        return worker < producers;
    }

    String boardName() {
        return name + BOARD_SUFFIX;
    }

    RingBufferLayout ring() {
        return RingBufferLayout.forCapacity(capacity);
    }

    LedgerLayout ledger() {
        return LedgerLayout.of(producers, perProducer);
    }

    RecoveryBoardLayout board() {
        return RecoveryBoardLayout.of(workers());
    }
}
