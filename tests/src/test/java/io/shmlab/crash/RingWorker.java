package io.shmlab.crash;

import static io.shmlab.crash.RecoveryBoardLayout.COMMITTED;
import static io.shmlab.crash.RecoveryBoardLayout.DEAD;
import static io.shmlab.crash.RecoveryBoardLayout.DONE;
import static io.shmlab.crash.RecoveryBoardLayout.EMPTY_TOKEN;
import static io.shmlab.crash.RecoveryBoardLayout.FULL_TOKEN;
import static io.shmlab.crash.RecoveryBoardLayout.MUTEX_TIMEOUTS;
import static io.shmlab.crash.RecoveryBoardLayout.NO_TOKEN;
import static io.shmlab.crash.RecoveryBoardLayout.PENDING;
import static io.shmlab.crash.RecoveryBoardLayout.PID;
import static io.shmlab.crash.RecoveryBoardLayout.RUNNING;
import static io.shmlab.crash.RecoveryBoardLayout.STATE;
import static io.shmlab.crash.RecoveryBoardLayout.TIMEOUTS;
import static io.shmlab.crash.RecoveryBoardLayout.TOKENS;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.labs.RingBuffer;
import io.shmlab.labs.RingBufferLayout;
import io.shmlab.stress.LedgerLayout;
import io.shmlab.stress.Receipts;
import io.shmlab.stress.StressItem;
import java.time.Duration;
import java.util.Arrays;

/**
 * A producer or consumer of Exercise 4's ring that survives the death of any other worker: the
 * exercise's protocol ({@code wait(empty) wait(mutex) put post(mutex) post(full)} and
 * {@code wait(full) wait(mutex) get post(mutex) post(empty)}), with every wait timed and the board
 * ({@link RecoveryBoardLayout}) kept up to date so that {@link RingRepair} can put the ring right.
 *
 * <p>What a worker does for recovery:
 * <ul>
 *   <li>every wait is a sem_timedwait of the run's patience; one that times out is counted (and the
 *       first of a stall on the mutex reported, with the holder's pid), and the worker looks at the
 *       board before it waits again;</li>
 *   <li>"looking at the board" is the checkpoint: while a repair is asked for (the generation is
 *       odd) the worker parks, writing the generation into its state, and sleeps until it changes.
 *       A checkpoint is never inside the critical section, and the worker's {@code tokens} field is
 *       exact there (it says whether a token of empty or full was taken and not yet used);</li>
 *   <li>a consumer writes the ring index it is about to get into {@code pending} (under the mutex)
 *       and clears it after the receipt is recorded, so a repair can deliver an item whose consumer
 *       died between the get and the receipt;</li>
 *   <li>a producer counts in {@code committed} the items it put with {@code last} advanced and
 *       {@code full} posted: the items the run guarantees;</li>
 *   <li>a token that turns out wrong after a repair (full posted for an empty ring) is dropped, never
 *       trusted: the ring's {@code first} and {@code last}, read under the mutex, are the truth.</li>
 * </ul>
 * A consumer stops when every producer is done or dead and the ring is empty.
 *
 * <p>Arguments: {@link CrashSettings#toArgs()} then the worker number, or {@code -} to take the next
 * one from the ledger's roster.
 */
public final class RingWorker implements Program {
    private final CrashSettings settings;
    private final int fixedWorker;

    public RingWorker(String[] args) {
        this(CrashSettings.parse(Arrays.asList(args).subList(0, args.length - 1)),
                args[args.length - 1].equals("-") ? -1 : Integer.parseInt(args[args.length - 1]));
    }

    RingWorker(CrashSettings settings, int worker) {
        this.settings = settings;
        this.fixedWorker = worker;
    }

    @Override
    public int main(Os os) {
        RingView view = RingView.open(os, settings);
        int worker = fixedWorker >= 0 ? fixedWorker : view.ledger().getAndAddInt(LedgerLayout.ROSTER_OFFSET, 1);
        if (worker >= settings.workers()) {
            os.println("worker " + worker + ": the run has more processes than workers");
            return 2;
        }
        view.board().putInt(view.worker(worker, PID), os.pid());
        Crew crew = new Crew(os, view, worker);
        if (settings.isProducer(worker)) {
            crew.produce();
        } else {
            crew.consume();
        }
        view.close(os);
        return 0;
    }

    /** The loops of one worker. */
    private final class Crew {
        private final Os os;
        private final RingView view;
        private final Mapping board;
        private final int worker;
        private final RingBuffer buffer;
        private final Duration patience = settings.patience();
        private final Duration poll = settings.poll();

        Crew(Os os, RingView view, int worker) {
            this.os = os;
            this.view = view;
            this.board = view.board();
            this.worker = worker;
            this.buffer = view.buffer();
        }

        void produce() {
            byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
            final int items = settings.perProducer();
            int s = 0;
            while (s < items) {
                checkpoint();
                if (!timedWait(view.empty())) {
                    continue;
                }
                tokens(EMPTY_TOKEN);
                acquireMutex();
                holdIfTold(s, CrashSettings.BEFORE_THE_RING_CHANGES);
                StressItem.encode(item, worker, s);
                boolean stored = buffer.put(item);
                holdIfTold(s, CrashSettings.AFTER_THE_RING_CHANGED);
                releaseMutex();
                if (!stored) {
                    tokens(NO_TOKEN); // a token a repair left over: the ring was full after all
                    continue;
                }
                os.semPost(view.full());
                tokens(NO_TOKEN);
                board.putLong(view.worker(worker, COMMITTED), s + 1);
                s++;
            }
            board.putInt(view.worker(worker, STATE), DONE);
            view.ledger().getAndAddInt(LedgerLayout.PRODUCERS_DONE_OFFSET, 1);
            os.println("producer " + worker + " sent " + items + report());
        }

        void consume() {
            long got = 0;
            final LedgerLayout ledger = settings.ledger();
            while (true) {
                checkpoint();
                if (!timedWait(view.full())) {
                    if (producersFinished() && view.items() == 0) {
                        break;
                    }
                    continue;
                }
                tokens(FULL_TOKEN);
                acquireMutex();
                holdIfTold(got, CrashSettings.BEFORE_THE_RING_CHANGES);
                board.putLong(view.worker(worker, PENDING), view.first() + 1);
                byte[] item = buffer.get();
                holdIfTold(got, CrashSettings.AFTER_THE_RING_CHANGED);
                if (item != null) {
                    Receipts.record(view.ledger(), ledger, item);
                }
                board.putLong(view.worker(worker, PENDING), 0);
                releaseMutex();
                if (item == null) {
                    tokens(NO_TOKEN); // a token a repair left over: the ring was empty after all
                    continue;
                }
                os.semPost(view.empty());
                tokens(NO_TOKEN);
                got++;
                board.putLong(view.worker(worker, COMMITTED), got);
            }
            board.putInt(view.worker(worker, STATE), DONE);
            view.ledger().getAndAddInt(LedgerLayout.CONSUMERS_DONE_OFFSET, 1);
            os.println("consumer " + worker + " got " + got + report());
        }

        private String report() {
            return "; timed waits that timed out " + board.getInt(view.worker(worker, TIMEOUTS))
                    + ", on the mutex " + board.getInt(view.worker(worker, MUTEX_TIMEOUTS));
        }

        private boolean producersFinished() {
            for (int p = 0; p < settings.producers(); p++) {
                int state = board.getInt(view.worker(p, STATE));
                if (state != DONE && state != DEAD) {
                    return false;
                }
            }
            return true;
        }

        private boolean timedWait(Semaphore sem) {
            if (os.semTimedwait(sem, os.clockGettime().plus(patience))) {
                return true;
            }
            board.getAndAddInt(view.worker(worker, TIMEOUTS), 1);
            return false;
        }

        /** Takes the mutex; each stall is reported once per holder seen (the holder may be dead). */
        private void acquireMutex() {
            int reportedHolder = -1;
            while (!timedWait(view.mutex())) {
                board.getAndAddInt(view.worker(worker, MUTEX_TIMEOUTS), 1);
                int holder = board.getInt(RecoveryBoardLayout.HOLDER_OFFSET);
                if (holder != reportedHolder) {
                    reportedHolder = holder;
                    os.println("worker " + worker + ": the mutex timed out; holder pid " + holder);
                }
                checkpoint();
            }
            board.putInt(RecoveryBoardLayout.HOLDER_OFFSET, os.pid());
        }

        private void releaseMutex() {
            board.putInt(RecoveryBoardLayout.HOLDER_OFFSET, 0);
            os.semPost(view.mutex());
        }

        private void tokens(int held) {
            board.putInt(view.worker(worker, TOKENS), held);
        }

        /** Parks while a repair is asked for (an odd generation). */
        private void checkpoint() {
            int generation = board.getInt(RecoveryBoardLayout.REPAIR_OFFSET);
            if ((generation & 1) == 0) {
                return;
            }
            board.putInt(view.worker(worker, STATE), generation);
            while (board.getInt(RecoveryBoardLayout.REPAIR_OFFSET) == generation) {
                os.sleep(poll);
            }
            board.putInt(view.worker(worker, STATE), RUNNING);
        }

        /** The worker a test kills: it says it holds the mutex, then waits to be killed. */
        private void holdIfTold(long done, int stage) {
            if (worker != settings.holdingWorker() || done != settings.holdAfter() || stage != settings.holdStage()) {
                return;
            }
            board.putInt(RecoveryBoardLayout.HOLDING_OFFSET, os.pid());
            while (true) {
                os.sleep(Duration.ofHours(1));
            }
        }
    }
}
