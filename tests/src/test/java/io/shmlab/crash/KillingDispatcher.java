package io.shmlab.crash;

import io.shmlab.api.Access;
import io.shmlab.api.Signal;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.KernelProcess;

/**
 * A {@link Dispatcher} that sends SIGKILL to one simulated process at its k-th step, and otherwise
 * passes everything to the dispatcher it wraps (the scheduler's). A step of the victim is every
 * system call it enters (but its exit) and every load or store it makes through a mapping, whatever
 * the run's granularity: so a sweep of k kills the process between any two of its memory accesses.
 * The kill is delivered as the kernel delivers any signal: at the victim's next call or access.
 *
 * <p>The victim is the child of the second process started (the first one the run's first process
 * forks): the worker that {@link CrashDrill}'s first guardian forks. k = 0 kills nobody, and counts the
 * victim's steps ({@link #victimSteps()}).
 *
 * <p>Fields are touched only by the process holding the scheduler's baton, one at a time.
 */
final class KillingDispatcher implements Dispatcher {
    private final Dispatcher inner;
    private final long killAt;
    private int starts;
    private int victimParent = -1;
    private int victim = -1;
    private long steps;
    private boolean killed;

    KillingDispatcher(Dispatcher inner, long killAt) {
        this.inner = inner;
        this.killAt = killAt;
    }

    /** How many steps the victim made (up to its death). */
    long victimSteps() {
        return steps;
    }

    /** True once the victim was sent SIGKILL. */
    boolean killed() {
        return killed;
    }

    private void step(int pid) {
        KernelProcess current = KernelProcess.current();
        if (current == null || current.pid() != pid || killed) {
            return;
        }
        if (victim < 0 && victimParent >= 0 && current.parentPid() == victimParent) {
            victim = pid;
        }
        if (pid != victim) {
            return;
        }
        steps++;
        if (steps == killAt) {
            killed = true;
            current.signal(Signal.SIGKILL);
        }
    }

    @Override
    public void enter(int pid, String call, String arguments) {
        if (!call.equals("exit")) {
            step(pid);
        }
        inner.enter(pid, call, arguments);
    }

    @Override
    public void exit(int pid, String result) {
        inner.exit(pid, result);
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        step(pid);
        inner.access(pid, access, address, size);
    }

    @Override
    public Wake futexWait(int pid, FutexKey key, long deadlineNanos) {
        return inner.futexWait(pid, key, deadlineNanos);
    }

    @Override
    public int futexWake(int pid, FutexKey key, int count) {
        return inner.futexWake(pid, key, count);
    }

    @Override
    public long now() {
        return inner.now();
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        inner.sleepUntil(pid, deadlineNanos);
    }

    @Override
    public void warn(int pid, String message) {
        inner.warn(pid, message);
    }

    @Override
    public void start(int pid, Runnable body) {
        if (starts++ == 1) {
            victimParent = pid;
        }
        inner.start(pid, body);
    }

    @Override
    public void attach(int pid) {
        inner.attach(pid);
    }

    @Override
    public void detach(int pid) {
        inner.detach(pid);
    }
}
