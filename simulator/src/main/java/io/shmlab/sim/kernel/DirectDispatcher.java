package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Syscall;
import java.time.Instant;
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
 * it). Blocking is real: a parked waiter or a sleep waits on a condition of that lock with the real
 * clock, and {@link #now()} is the real CLOCK_REALTIME.
 *
 * <p>Deadlock is the kernel's {@link FutexTable#deadlocked} check, asked whenever a process starts to
 * wait forever or ends: when every live process waits on a futex with no deadline, nothing can wake
 * any of them, and each one's wait throws {@link DeadlockDetected}. A process is live from
 * {@link #start} (or {@link #attach}) until its body returns (or {@link #detach}); one that is
 * sleeping, running, or reading its input is not blocked.
 *
 * <p>With spurious EINTR on, the futex table interrupts every other futex wait of a process at once.
 */
public final class DirectDispatcher implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DirectDispatcher.class);

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a parked waiter may have something to see: a wake, a deadlock. */
    private final Condition parked = lock.newCondition();
    private final boolean spuriousEintr;
    private FutexTable futexes;
    private final Set<Integer> live = new HashSet<>();
    private final Set<Integer> waitingForever = new HashSet<>();
    private final Map<Integer, String> calls = new HashMap<>();
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
    public void useFutexTable(FutexTable table) {
        this.futexes = table;
    }

    @Override
    public boolean spuriousEintr() {
        return spuriousEintr;
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
    public Wake park(FutexTable.Waiter w) {
        requireLock();
        int pid = w.pid();
        long deadline = w.deadline();
        boolean forever = deadline == Long.MAX_VALUE;
        if (forever) {
            waitingForever.add(pid);
            detectDeadlock();
        }
        try {
            while (true) {
                // a deadlock, once found, is final: the ends of the other deadlocked processes
                // (reported, not real) must not wake this one
                if (w.deadlocked()) {
                    throw new DeadlockDetected(calls.getOrDefault(pid, "a futex wait"));
                }
                if (w.woken()) {
                    return Wake.WOKEN;
                }
                if (forever) {
                    parked.await();
                } else {
                    long left = deadline - now();
                    if (left <= 0) {
                        return Wake.TIMED_OUT;
                    }
                    parked.awaitNanos(left);
                }
            }
        } catch (InterruptedException e) {
            if (w.deadlocked()) {
                throw new DeadlockDetected(calls.getOrDefault(pid, "a futex wait"));
            }
            return w.woken() ? Wake.WOKEN : Wake.INTERRUPTED;
        } finally {
            waitingForever.remove(pid);
        }
    }

    @Override
    public void unpark(int pid, FutexTable.Waiter waiter) {
        requireLock();
        parked.signalAll();
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
            return waitingForever.contains(pid);
        } finally {
            lock.unlock();
        }
    }

    /** Asks the kernel's deadlock check; on a deadlock, every process waiting forever learns it. */
    private void detectDeadlock() {
        if (futexes != null && futexes.deadlocked(live.size())) {
            futexes.markDeadlocked();
            parked.signalAll();
        }
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a futex or sleep call outside enter/exit");
        }
    }
}
