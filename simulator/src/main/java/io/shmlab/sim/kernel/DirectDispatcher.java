package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Syscall;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct {@link Dispatcher}: the callers' own threads run the simulated processes concurrently,
 * and one machine lock makes each system call atomic ({@link #enter} takes it, {@link #exit} releases
 * it). Blocking is real: a futex wait or a sleep waits on a condition of that lock with the real
 * clock, and {@link #now()} is the real CLOCK_REALTIME.
 *
 * <p>Deadlock is detected exactly: when every live process is blocked in a futex wait with no
 * deadline, nothing can wake any of them, and each one's wait throws {@link DeadlockDetected}. A
 * process is live from {@link #start} (or {@link #attach}) until its body returns (or
 * {@link #detach}); one that is sleeping, running, or reading its input is not blocked.
 *
 * <p>With spurious EINTR on, every other futex wait of a process returns
 * {@link Dispatcher.Wake#INTERRUPTED} at once, before waiting, to shake out retry paths.
 */
public final class DirectDispatcher implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DirectDispatcher.class);

    /** One process blocked on a futex. Guarded by the machine lock. */
    private static final class Waiter {
        final int pid;
        final Condition condition;
        boolean woken;
        boolean deadlocked;

        Waiter(int pid, Condition condition) {
            this.pid = pid;
            this.condition = condition;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final boolean spuriousEintr;
    private final Map<FutexKey, ArrayDeque<Waiter>> queues = new HashMap<>();
    private final Set<Integer> live = new HashSet<>();
    private final Map<Integer, Waiter> blockedForever = new HashMap<>();
    private final Map<Integer, String> calls = new HashMap<>();
    private final Set<Integer> interruptedLast = new HashSet<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /** A direct dispatcher without spurious interruptions. */
    public DirectDispatcher() {
        this(false);
    }

    /** @param spuriousEintr whether futex waits are interrupted spuriously (every other one) */
    public DirectDispatcher(boolean spuriousEintr) {
        this.spuriousEintr = spuriousEintr;
    }

    @Override
    public void enter(int pid, Syscall call, String arguments) {
        lock.lock();
        calls.put(pid, call.cName() + "(" + arguments + ")");
    }

    @Override
    public void exit(int pid, String result) {
        calls.remove(pid);
        lock.unlock();
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        // direct mode: accesses are not scheduling points
    }

    @Override
    public Wake futexWait(int pid, FutexKey key, long deadlineNanos) {
        requireLock();
        if (spuriousEintr && interruptedLast.add(pid)) {
            return Wake.INTERRUPTED;
        }
        interruptedLast.remove(pid);
        Waiter w = new Waiter(pid, lock.newCondition());
        ArrayDeque<Waiter> queue = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
        queue.add(w);
        boolean forever = deadlineNanos == Long.MAX_VALUE;
        if (forever) {
            blockedForever.put(pid, w);
            detectDeadlock();
        }
        try {
            while (true) {
                // a deadlock, once found, is final: the ends of the other deadlocked processes
                // (reported, not real) must not wake this one
                if (w.deadlocked) {
                    throw new DeadlockDetected(calls.getOrDefault(pid, "a futex wait"));
                }
                if (w.woken) {
                    return Wake.WOKEN;
                }
                if (forever) {
                    w.condition.await();
                } else {
                    long left = deadlineNanos - now();
                    if (left <= 0) {
                        return Wake.TIMED_OUT;
                    }
                    w.condition.awaitNanos(left);
                }
            }
        } catch (InterruptedException e) {
            if (w.deadlocked) {
                throw new DeadlockDetected(calls.getOrDefault(pid, "a futex wait"));
            }
            return w.woken ? Wake.WOKEN : Wake.INTERRUPTED;
        } finally {
            if (!w.woken) {
                queue.remove(w);
                if (queue.isEmpty()) {
                    queues.remove(key, queue);
                }
            }
            blockedForever.remove(pid, w);
        }
    }

    @Override
    public int futexWake(int pid, FutexKey key, int count) {
        requireLock();
        ArrayDeque<Waiter> queue = queues.get(key);
        int woken = 0;
        while (queue != null && woken < count && !queue.isEmpty()) {
            Waiter w = queue.poll();
            if (w.deadlocked) {
                continue;
            }
            w.woken = true;
            blockedForever.remove(w.pid, w);
            w.condition.signal();
            woken++;
        }
        if (queue != null && queue.isEmpty()) {
            queues.remove(key);
        }
        return woken;
    }

    @Override
    public long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        requireLock();
        Condition never = lock.newCondition();
        try {
            long left;
            while ((left = deadlineNanos - now()) > 0) {
                never.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            // a signal: the kernel delivers it and restarts the sleep if it does not kill
        }
    }

    @Override
    public void warn(int pid, String message) {
        String line = "process " + pid + ": " + message;
        warnings.add(line);
        LOG.warn(line);
    }

    @Override
    public void start(int pid, Runnable body) {
        attach(pid);
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                detach(pid);
            }
        }, "sim-process-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void attach(int pid) {
        lock.lock();
        try {
            live.add(pid);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void detach(int pid) {
        lock.lock();
        try {
            live.remove(pid);
            detectDeadlock();
        } finally {
            lock.unlock();
        }
    }

    /** The warnings given so far, oldest first. */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    /** Whether the pid is blocked in a futex wait with no deadline right now. */
    public boolean blockedForever(int pid) {
        lock.lock();
        try {
            return blockedForever.containsKey(pid);
        } finally {
            lock.unlock();
        }
    }

    private void detectDeadlock() {
        if (live.isEmpty() || !blockedForever.keySet().containsAll(live)) {
            return;
        }
        for (Waiter w : blockedForever.values()) {
            w.deadlocked = true;
            w.condition.signal();
        }
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a futex or sleep call outside enter/exit");
        }
    }
}
