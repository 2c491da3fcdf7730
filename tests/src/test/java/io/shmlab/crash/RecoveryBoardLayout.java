package io.shmlab.crash;

/**
 * Descriptor of the recovery board: the shared state, next to Exercise 4's ring, that lets the
 * survivors of a crash put the ring right ({@link RingWorker} keeps it, {@link RingRepair} reads it).
 * It lives in an object of its own ({@code NAME-board}); the ring stays the lab's
 * {@code struct ring_buffer}.
 *
 * <pre>
 * struct board {                                            offset
 *   int  repair;            generation, odd while a repair      0  +--------------------------+
 *                           is asked for, even while running
 *   int  deaths;            workers reported dead               4  +--------------------------+
 *   int  producersFinished; done or dead                        8  +--------------------------+
 *   int  holder;            pid holding the mutex, 0 if none   12  +--------------------------+
 *   int  holding;           set by a worker told to stop       16  +--------------------------+
 *                           inside the critical section
 *   int  adopted;           items a repair delivered for a     20  +--------------------------+
 *                           dead consumer
 *   struct worker {                                            24  | workers[0]               |
 *     int  pid;                                        +0          |                          |
 *     int  state;     RUNNING 0, DONE -1, DEAD -2,     +4          |                          |
 *                     or the repair generation it
 *                     is parked in
 *     int  tokens;    NO_TOKEN, EMPTY_TOKEN (a         +8          |                          |
 *                     producer past wait(empty)) or
 *                     FULL_TOKEN (a consumer past
 *                     wait(full))
 *     int  timeouts;  timed waits that timed out      +12          |                          |
 *     int  mutexTimeouts; of them, on the mutex       +16          |                          |
 *     int  (padding)                                  +20          |                          |
 *     long committed; producer: items put with last   +24          |                          |
 *                     advanced and full posted;
 *                     consumer: items got
 *     long pending;   consumer: 1 + the ring index    +32          |                          |
 *                     being got under the mutex, 0
 *   } workers[W];                                  24 + 40 W       +--------------------------+
 * };
 * </pre>
 * A worker writes only its own record (and holder, holding); the supervisor writes the state of the
 * dead, the repair generation, deaths and adopted. Counters change by atomic adds.
 */
final class RecoveryBoardLayout {
    static final long REPAIR_OFFSET = 0;
    static final long DEATHS_OFFSET = REPAIR_OFFSET + Integer.BYTES;
    static final long PRODUCERS_FINISHED_OFFSET = DEATHS_OFFSET + Integer.BYTES;
    static final long HOLDER_OFFSET = PRODUCERS_FINISHED_OFFSET + Integer.BYTES;
    static final long HOLDING_OFFSET = HOLDER_OFFSET + Integer.BYTES;
    static final long ADOPTED_OFFSET = HOLDING_OFFSET + Integer.BYTES;
    static final long WORKERS_OFFSET = ADOPTED_OFFSET + Integer.BYTES;

    /** {@code offsetof(struct worker, pid)}. */
    static final long PID = 0;
    /** {@code offsetof(struct worker, state)}. */
    static final long STATE = PID + Integer.BYTES;
    /** {@code offsetof(struct worker, tokens)}. */
    static final long TOKENS = STATE + Integer.BYTES;
    /** {@code offsetof(struct worker, timeouts)}. */
    static final long TIMEOUTS = TOKENS + Integer.BYTES;
    /** {@code offsetof(struct worker, mutexTimeouts)}. */
    static final long MUTEX_TIMEOUTS = TIMEOUTS + Integer.BYTES;
    /** {@code offsetof(struct worker, committed)}: past the padding that aligns it to 8. */
    static final long COMMITTED = MUTEX_TIMEOUTS + Integer.BYTES + Integer.BYTES;
    /** {@code offsetof(struct worker, pending)}. */
    static final long PENDING = COMMITTED + Long.BYTES;
    /** {@code sizeof(struct worker)}. */
    static final long WORKER_SIZE = PENDING + Long.BYTES;

    /** state: running (or never started). */
    static final int RUNNING = 0;
    /** state: finished its work. */
    static final int DONE = -1;
    /** state: dead, as the supervisor found. */
    static final int DEAD = -2;

    /** tokens: holds no semaphore token. */
    static final int NO_TOKEN = 0;
    /** tokens: a producer that took a token of {@code empty} and has not put yet. */
    static final int EMPTY_TOKEN = 1;
    /** tokens: a consumer that took a token of {@code full} and has not got yet. */
    static final int FULL_TOKEN = 2;

    private final int workers;

    private RecoveryBoardLayout(int workers) {
        this.workers = workers;
    }

    /** The board of a run with this many workers (producers and consumers). */
    static RecoveryBoardLayout of(int workers) {
        if (workers < 1 || workers > 10_000) {
            throw new IllegalArgumentException("workers=" + workers);
        }
        return new RecoveryBoardLayout(workers);
    }

    int workers() {
        return workers;
    }

    /** {@code offsetof(struct board, workers[worker]) + field}. */
    long worker(int worker, long field) {
        if (worker < 0 || worker >= workers) {
            throw new IndexOutOfBoundsException("worker=" + worker + " of " + workers);
        }
        return WORKERS_OFFSET + worker * WORKER_SIZE + field;
    }

    /** {@code sizeof(struct board)}. */
    long size() {
        return WORKERS_OFFSET + workers * WORKER_SIZE;
    }
}
