package io.shmlab.crash;

import static io.shmlab.crash.RecoveryBoardLayout.DEAD;
import static io.shmlab.crash.RecoveryBoardLayout.DONE;
import static io.shmlab.crash.RecoveryBoardLayout.EMPTY_TOKEN;
import static io.shmlab.crash.RecoveryBoardLayout.FULL_TOKEN;
import static io.shmlab.crash.RecoveryBoardLayout.PENDING;
import static io.shmlab.crash.RecoveryBoardLayout.STATE;
import static io.shmlab.crash.RecoveryBoardLayout.TOKENS;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.labs.RingBufferLayout;
import io.shmlab.stress.LedgerLayout;
import io.shmlab.stress.StressItem;
import java.time.Duration;

/**
 * What the supervisor of a crash run does once it knows a worker is dead (it killed it, or waitpid(2)
 * said SIGKILL): a stop-the-world repair of Exercise 4's ring, exact whatever step the worker died at.
 *
 * <ol>
 *   <li>Mark the worker DEAD on the board and ask for a repair: the generation becomes odd (after
 *       any repair already going on has ended).</li>
 *   <li>Wait until every other worker is parked in this generation or done. A parked worker is at a
 *       checkpoint ({@link RingWorker}): outside the critical section, its tokens recorded. So no
 *       live process holds the mutex or is inside sem_wait on it: the semaphores and the ring are
 *       still, and whatever is wrong with them is the dead worker's doing.</li>
 *   <li>If a dead worker was a consumer between its get and its receipt ({@code pending} set and
 *       {@code first} moved past that slot), deliver the item in its stead: the slot is intact, since
 *       nobody could put there while the dead held the mutex. Its receipt is set only if still 0.
 *       Every dead worker is looked at, not only this one, in case two died close together.</li>
 *   <li>Set the mutex back to 1 (a dead holder left it at 0).</li>
 *   <li>Recount the other two from the ring: {@code full} = items in the ring - consumers parked
 *       holding a token of full; {@code empty} = capacity - items - producers parked holding a token
 *       of empty. That gives back a token the dead took and never used, and takes away one it never
 *       posted (a producer dead after advancing {@code last}: its item stays and is delivered).</li>
 *   <li>End the repair: the generation becomes even, and the parked workers go on.</li>
 * </ol>
 * No step depends on timing: timed waits only decide how soon workers reach a checkpoint.
 */
final class RingRepair {

    /** What a repair found and did. */
    record Report(int worker, int generation, boolean mutexWasHeld, boolean adoptedItem, int itemsInRing,
            int fullBefore, int fullAfter, int emptyBefore, int emptyAfter) {
        @Override
        public String toString() {
            return "repair " + generation + " after worker " + worker + " died: mutex "
                    + (mutexWasHeld ? "was held, posted" : "was free") + (adoptedItem ? "; delivered its item" : "")
                    + "; " + itemsInRing + " items in the ring; full " + fullBefore + " -> " + fullAfter
                    + ", empty " + emptyBefore + " -> " + emptyAfter;
        }
    }

    private RingRepair() {
    }

    /** Repairs the ring after the death of {@code worker}; returns when the workers may go on. */
    static Report afterDeath(Os os, RingView view, int worker) {
        Mapping board = view.board();
        board.putInt(view.worker(worker, STATE), DEAD);
        board.getAndAddInt(RecoveryBoardLayout.DEATHS_OFFSET, 1);
        Duration poll = view.settings().poll();
        int generation = beginRepair(os, board, poll);
        while (!quiet(view, generation)) {
            os.sleep(poll);
        }
        boolean adopted = false;
        for (int w = 0; w < view.settings().workers(); w++) {
            if (board.getInt(view.worker(w, STATE)) == DEAD) {
                adopted |= deliverPendingItem(view, w);
            }
        }
        boolean mutexWasHeld = setValue(os, view.mutex(), 1) == 0;
        int items = (int) view.items();
        int heldFull = 0;
        int heldEmpty = 0;
        for (int w = 0; w < view.settings().workers(); w++) {
            if (board.getInt(view.worker(w, STATE)) == DEAD) {
                continue;
            }
            int tokens = board.getInt(view.worker(w, TOKENS));
            heldFull += tokens == FULL_TOKEN ? 1 : 0;
            heldEmpty += tokens == EMPTY_TOKEN ? 1 : 0;
        }
        int capacity = view.settings().ring().capacity();
        int fullAfter = Math.max(0, items - heldFull);
        int emptyAfter = Math.max(0, capacity - items - heldEmpty);
        int fullBefore = setValue(os, view.full(), fullAfter);
        int emptyBefore = setValue(os, view.empty(), emptyAfter);
        board.getAndAddInt(RecoveryBoardLayout.REPAIR_OFFSET, 1);
        return new Report(worker, generation, mutexWasHeld, adopted, items, fullBefore, fullAfter, emptyBefore,
                emptyAfter);
    }

    /**
     * Asks for a repair: moves the generation from even to odd. A supervisor that finds another
     * repair going on (two workers died close together) waits for it to end, so repairs never overlap;
     * the first one already treats both as dead.
     */
    private static int beginRepair(Os os, Mapping board, Duration poll) {
        while (true) {
            int current = board.getInt(RecoveryBoardLayout.REPAIR_OFFSET);
            if ((current & 1) == 0 && board.compareAndSetInt(RecoveryBoardLayout.REPAIR_OFFSET, current, current + 1)) {
                return current + 1;
            }
            os.sleep(poll);
        }
    }

    /** True when every worker is dead, done or parked in this repair's generation. */
    private static boolean quiet(RingView view, int generation) {
        for (int w = 0; w < view.settings().workers(); w++) {
            int state = view.board().getInt(view.worker(w, STATE));
            if (state != DEAD && state != DONE && state != generation) {
                return false;
            }
        }
        return true;
    }

    /** A consumer that died between moving {@code first} and its receipt: its item is delivered now. */
    private static boolean deliverPendingItem(RingView view, int worker) {
        long pending = view.board().getLong(view.worker(worker, PENDING));
        if (pending == 0) {
            return false;
        }
        view.board().putLong(view.worker(worker, PENDING), 0);
        long slot = pending - 1;
        if (view.first() == slot) {
            return false; // died before the get moved first: the item is still in the ring
        }
        byte[] item = view.ring().getBytes(view.settings().ring().itemOffset(slot), RingBufferLayout.ITEM_SIZE);
        LedgerLayout ledger = view.settings().ledger();
        if (!StressItem.intact(item) || !ledger.sent(StressItem.producer(item), StressItem.sequence(item))) {
            return false; // not an item: left for the audit to find missing
        }
        long receipt = ledger.receiptOffset(StressItem.producer(item), StressItem.sequence(item));
        if (!view.ledger().compareAndSetInt(receipt, 0, 1)) {
            return false; // the dead consumer recorded it before it died
        }
        view.board().getAndAddInt(RecoveryBoardLayout.ADOPTED_OFFSET, 1);
        return true;
    }

    /** Brings a semaphore nobody else is using to a value; returns the value it had. */
    private static int setValue(Os os, Semaphore sem, int value) {
        int before = os.semGetvalue(sem);
        for (int v = before; v < value; v++) {
            os.semPost(sem);
        }
        for (int v = before; v > value; v--) {
            if (!os.semTrywait(sem)) {
                throw new IllegalStateException("a semaphore changed during a repair");
            }
        }
        return before;
    }
}
