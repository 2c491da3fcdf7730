package io.shmlab.sim.sched;

import io.shmlab.sim.kernel.FutexKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The processes waiting on each futex of one scheduled run, oldest first, as the kernel's futex hash
 * buckets keep them. Looked up by key only, never iterated, so hashing cannot change an order.
 */
final class FutexQueues {

    private final Map<FutexKey, ArrayDeque<ScheduledProcess>> queues = new HashMap<>();

    /** Queues a process behind the others waiting on its key ({@code p.futexKey}). */
    void add(ScheduledProcess p) {
        ArrayDeque<ScheduledProcess> queue = queues.get(p.futexKey);
        if (queue == null) {
            queue = new ArrayDeque<>(2);
            queues.put(p.futexKey, queue);
        }
        queue.addLast(p);
    }

    /** Takes the oldest waiter on a key, or null when none waits. */
    ScheduledProcess pollFirst(FutexKey key) {
        ArrayDeque<ScheduledProcess> queue = queues.get(key);
        if (queue == null) {
            return null;
        }
        ScheduledProcess p = queue.pollFirst();
        if (queue.isEmpty()) {
            queues.remove(key);
        }
        return p;
    }

    /** Takes a waiter out of its queue (its wait timed out). */
    void remove(ScheduledProcess p) {
        ArrayDeque<ScheduledProcess> queue = queues.get(p.futexKey);
        if (queue != null) {
            queue.remove(p);
            if (queue.isEmpty()) {
                queues.remove(p.futexKey);
            }
        }
    }
}
