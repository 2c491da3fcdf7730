package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Ending;
import io.shmlab.api.Errno;
import io.shmlab.api.PosixException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls on processes: fork(2), waitpid(2), exit, and the blocking primitives every blocking call
 * is built on (a futex wait on the kernel's {@link FutexTable}, and a sleep through the
 * {@link Dispatcher}).
 *
 * <p>waitpid blocks on a futex keyed on the child's exit (a key no memory can have: a negative space),
 * which the child's exit wakes; so a parent waiting for a child blocked forever is itself blocked
 * forever, and the dispatcher sees the deadlock.
 */
public final class ProcessCalls {
    private final Kernel kernel;
    private final Set<Integer> reaped = ConcurrentHashMap.newKeySet();

    ProcessCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Models fork(2): a child with the caller's mappings at the same addresses (shared ones shared,
     * private ones copy-on-write) and a copy of its descriptors. The caller starts the child's program.
     */
    public KernelProcess fork(KernelProcess parent) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.processTable();
        }
        return kernel.newChild(parent);
    }

    /** The futex key a process's exit wakes. */
    public static FutexKey exitKey(int pid) {
        return new FutexKey(-pid, 0, true);
    }

    /**
     * Models waitpid(2) for one child: waits for it to end and reaps it.
     *
     * @return its exit status, or 128 + the signal that ended it
     * @throws PosixException ECHILD when it is not an unreaped child of the caller
     */
    public int waitpid(KernelProcess caller, int pid) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.process(pid, Access.WRITE);
        }
        KernelProcess child = kernel.process(pid);
        if (child == null || child.parentPid() != caller.pid() || reaped.contains(pid)) {
            throw new PosixException(Errno.ECHILD, "waitpid", String.valueOf(pid));
        }
        while (!child.ended()) {
            Dispatcher.Wake wake = futexWait(caller, exitKey(pid), Long.MAX_VALUE);
            if (wake == Dispatcher.Wake.INTERRUPTED) {
                caller.checkPendingSignal();
            }
        }
        reaped.add(pid);
        return child.waitStatus();
    }

    /**
     * Blocks the caller on a futex of the kernel's {@link FutexTable}, marking it blocked meanwhile.
     * The caller has just checked the futex word.
     */
    public Dispatcher.Wake futexWait(KernelProcess caller, FutexKey key, long deadlineNanos) {
        caller.setState(ProcessState.BLOCKED);
        try {
            return kernel.futexes().wait(caller.pid(), key, deadlineNanos);
        } finally {
            caller.setState(ProcessState.RUNNING);
        }
    }

    /** Models nanosleep(2) until an absolute CLOCK_REALTIME time, restarted after an interruption. */
    public void sleepUntil(KernelProcess caller, long deadlineNanos) {
        caller.setState(ProcessState.BLOCKED);
        try {
            while (kernel.dispatcher().now() < deadlineNanos) {
                kernel.dispatcher().sleepUntil(caller.pid(), deadlineNanos);
                caller.checkPendingSignal();
            }
        } finally {
            caller.setState(ProcessState.RUNNING);
        }
    }

    /**
     * Ends a process: its mappings and descriptors go, its ending is recorded, and a parent waiting in
     * waitpid is woken. Made between enter and exit of the process's last call; a second call does
     * nothing.
     */
    public boolean exit(KernelProcess process, Ending how) {
        if (!process.markEnded(how)) {
            return false;
        }
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.process(process.pid(), Access.WRITE);
        }
        process.space().unmapAll();
        process.descriptors().clear();
        kernel.futexes().wake(process.pid(), exitKey(process.pid()), Integer.MAX_VALUE);
        return true;
    }
}
