package io.shmlab.sim.kernel;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The futex table of one simulated kernel: the processes waiting on each futex word, oldest first, as
 * Linux's futex hash buckets keep them, and the one deadlock check. The {@link Dispatcher} only parks a
 * waiter and lets it run again; which waiter a wake releases, whether a wait is interrupted
 * spuriously, and whether every live process waits forever are decided here, the same whoever runs
 * the processes.
 *
 * <p>Looked up by key only, never iterated in hash order, so hashing cannot change an order. Every
 * method runs while the caller owns the kernel (between {@link Dispatcher#enter} and
 * {@link Dispatcher#exit}, or with the dispatcher's lock), so the table needs no lock of its own.
 *
 * <p>With spurious EINTR on ({@link Dispatcher#spuriousEintr()}), every other wait of a process
 * returns {@link Dispatcher.Wake#INTERRUPTED} at once, before it waits, to shake out retry loops.
 */
public final class FutexTable {

    /** One process waiting on a futex. Written only while the kernel is owned. */
    public static final class Waiter {
        private final int pid;
        private final FutexKey key;
        private final long deadline;
        private boolean queued;
        private boolean woken;
        private boolean deadlocked;
        private Object parkedBy;

        private Waiter(int pid, FutexKey key, long deadline) {
            this.pid = pid;
            this.key = key;
            this.deadline = deadline;
        }

        /** The waiting process. */
        public int pid() {
            return pid;
        }

        /** The futex it waits on. */
        public FutexKey key() {
            return key;
        }

        /** CLOCK_REALTIME nanoseconds when it stops waiting, {@link Long#MAX_VALUE} for never. */
        public long deadline() {
            return deadline;
        }

        /** Keeps the dispatcher's own record of the parked process, so that unparking needs no lookup. */
        public void attach(Object record) {
            parkedBy = record;
        }

        /** What the dispatcher attached, or {@code null}. */
        public Object attachment() {
            return parkedBy;
        }

        /** Whether a wake released it. */
        public boolean woken() {
            return woken;
        }

        /**
         * Whether the table found every live process waiting forever while it waited: nothing can
         * wake it, and a wake that comes afterwards (the end of another deadlocked process) does not.
         */
        public boolean deadlocked() {
            return deadlocked;
        }
    }

    private final Dispatcher dispatcher;
    private final Map<FutexKey, ArrayDeque<Waiter>> queues = new HashMap<>();
    /** Queued waiters with no deadline. */
    private int waitingForever;
    /** Processes whose last wait was interrupted spuriously: their next one is not. */
    private final Set<Integer> interruptedLast = new HashSet<>();

    /** @param dispatcher parks and resumes the waiting processes; it is given this table's deadlock check */
    public FutexTable(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        dispatcher.useFutexTable(this);
    }

    /**
     * Blocks the calling process on a futex until a {@link #wake} on the key releases it, its deadline
     * passes, or (with spurious EINTR) at once. The caller has just checked the futex word: the check
     * and the wait are atomic.
     *
     * @param deadlineNanos CLOCK_REALTIME nanoseconds, or {@link Long#MAX_VALUE} for none
     */
    public Dispatcher.Wake wait(int pid, FutexKey key, long deadlineNanos) {
        if (dispatcher.spuriousEintr() && interruptedLast.add(pid)) {
            return Dispatcher.Wake.INTERRUPTED;
        }
        if (!interruptedLast.isEmpty()) {
            interruptedLast.remove(pid);
        }
        TouchLog log = dispatcher.touches();
        if (log.recording()) {
            log.futex(key);
        }
        Waiter w = new Waiter(pid, key, deadlineNanos);
        ArrayDeque<Waiter> queue = queues.get(key);
        if (queue == null) {
            queue = new ArrayDeque<>(2);
            queues.put(key, queue);
        }
        queue.addLast(w);
        w.queued = true;
        if (deadlineNanos == Long.MAX_VALUE) {
            waitingForever++;
        }
        try {
            return dispatcher.park(w);
        } finally {
            leave(w);
        }
    }

    /** Wakes at most {@code count} processes waiting on the key, oldest first; returns how many. */
    public int wake(int pid, FutexKey key, int count) {
        TouchLog log = dispatcher.touches();
        if (log.recording()) {
            log.futex(key);
        }
        ArrayDeque<Waiter> queue = queues.get(key);
        if (queue == null) {
            return 0;
        }
        int woken = 0;
        while (woken < count && !queue.isEmpty()) {
            Waiter w = queue.pollFirst();
            w.queued = false;
            if (w.deadline == Long.MAX_VALUE) {
                waitingForever--;
            }
            if (w.deadlocked) {
                continue;
            }
            w.woken = true;
            dispatcher.unpark(pid, w);
            woken++;
        }
        if (queue.isEmpty()) {
            queues.remove(key);
        }
        return woken;
    }

    /**
     * Takes a waiter off its queue, as its wait ends without a wake (its deadline passed, a signal
     * came, the run stopped): a wake from now on no longer finds it. Nothing if it is off already.
     */
    public void leave(Waiter w) {
        if (!w.queued) {
            return;
        }
        w.queued = false;
        TouchLog log = dispatcher.touches();
        if (log.recording()) {
            log.futex(w.key);
        }
        if (w.deadline == Long.MAX_VALUE) {
            waitingForever--;
        }
        ArrayDeque<Waiter> queue = queues.get(w.key);
        queue.remove(w);
        if (queue.isEmpty()) {
            queues.remove(w.key);
        }
    }

    /**
     * The deadlock check: whether every one of the {@code live} processes waits on a futex with no
     * deadline, so that nothing can ever wake any of them. A sleeping process, or one waiting with a
     * deadline, has a timer that will wake it; a running one may yet wake the others.
     */
    public boolean deadlocked(int live) {
        return live > 0 && waitingForever >= live;
    }

    /**
     * Marks every process waiting forever deadlocked (after {@link #deadlocked} said so): from now on
     * no wake releases them.
     */
    public void markDeadlocked() {
        for (ArrayDeque<Waiter> queue : queues.values()) {
            for (Waiter w : queue) {
                if (w.deadline == Long.MAX_VALUE) {
                    w.deadlocked = true;
                }
            }
        }
    }
}
