package io.shmlab.crash;

import io.shmlab.api.Access;
import io.shmlab.api.Signal;
import io.shmlab.api.Syscall;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.ForwardingDispatcher;
import io.shmlab.sim.kernel.KernelProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Dispatcher} that sends SIGKILL to chosen simulated processes, each at its own k-th step,
 * and otherwise passes everything to the dispatcher it wraps (the scheduler's). A step of a victim is
 * every system call it enters (but its exit) and every load or store it makes through a mapping,
 * whatever the run's granularity: so a sweep of k kills the process between any two of its memory
 * accesses. The kill is delivered as the kernel delivers any signal: at the victim's next call or
 * access.
 *
 * <p>Victims are named by the order in which the run's first process forks its children: victim i is
 * the child of the i-th process it forks (in {@link CrashDrill}, the worker of its i-th guardian).
 * A kill step of 0 kills nobody, and only counts the victim's steps ({@link #steps(int)}).
 *
 * <p>Fields are touched only by the process holding the scheduler's baton, one at a time.
 */
final class KillingDispatcher extends ForwardingDispatcher {
    private final Dispatcher inner;
    private final long[] killAt;
    private final long[] steps;
    private final boolean[] killed;
    private final int[] victims;
    private int first = -1;
    private final List<Integer> forkedByFirst = new ArrayList<>();

    /** @param killAt for victim i, the step at which it is killed (0: never) */
    KillingDispatcher(Dispatcher inner, long... killAt) {
        this.inner = inner;
        this.killAt = killAt.clone();
        this.steps = new long[killAt.length];
        this.killed = new boolean[killAt.length];
        this.victims = new int[killAt.length];
        Arrays.fill(victims, -1);
    }

    @Override
    protected Dispatcher delegate() {
        return inner;
    }

    /** How many steps victim i made (up to its death). */
    long steps(int victim) {
        return steps[victim];
    }

    /** True once victim i was sent SIGKILL. */
    boolean killed(int victim) {
        return killed[victim];
    }

    private void step(int pid) {
        KernelProcess current = KernelProcess.current();
        if (current == null || current.pid() != pid) {
            return;
        }
        int v = victim(current);
        if (v < 0 || killed[v]) {
            return;
        }
        steps[v]++;
        if (steps[v] == killAt[v]) {
            killed[v] = true;
            current.signal(Signal.SIGKILL);
        }
    }

    /** Which victim the process is, or -1. */
    private int victim(KernelProcess process) {
        for (int v = 0; v < victims.length; v++) {
            if (victims[v] == process.pid()) {
                return v;
            }
            if (victims[v] < 0 && v < forkedByFirst.size() && process.parentPid() == forkedByFirst.get(v)) {
                victims[v] = process.pid();
                return v;
            }
        }
        return -1;
    }

    @Override
    public void enter(int pid, Syscall call, String arguments) {
        if (call != Syscall.EXIT) {
            step(pid);
        }
        inner.enter(pid, call, arguments);
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        step(pid);
        inner.access(pid, access, address, size);
    }

    @Override
    public void start(int pid, Runnable body) {
        KernelProcess parent = KernelProcess.current();
        if (first < 0) {
            first = pid;
        } else if (parent != null && parent.pid() == first) {
            forkedByFirst.add(pid);
        }
        inner.start(pid, body);
    }
}
