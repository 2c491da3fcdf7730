package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Syscall;

/**
 * The seam between the simulated kernel and whoever runs the simulated processes.
 *
 * <p>The kernel calls it; two implementations answer: a direct one, where callers' own threads run
 * the processes concurrently under one machine lock and blocking is real (the contract suite, the
 * interactive labs), and a scheduled one, where exactly one process runs at a time and a strategy
 * picks who runs at every scheduling point (exploration, replay).
 *
 * <p>Protocol, per process thread: every system call is bracketed by {@link #enter} and
 * {@link #exit} (in a try/finally); {@link #futexWait}, {@link #sleepUntil} and {@link #warn} are
 * only called between them. {@link #access} is called outside any system call, before each load or
 * store through a mapping. Between enter and exit the caller owns the kernel: no other simulated
 * process runs, except while it is blocked in futexWait or sleepUntil.
 */
public interface Dispatcher {

    /** Why {@link #futexWait} returned. */
    enum Wake {
        /** A {@link #futexWake} on the same key woke it. */
        WOKEN,
        /** The deadline passed. */
        TIMED_OUT,
        /** A (simulated, spurious) signal interrupted it: the caller retries, as glibc does on EINTR. */
        INTERRUPTED
    }

    /**
     * A process is about to make a system call. A scheduling point: in scheduled mode another
     * process may run first.
     *
     * @param pid the calling process
     * @param call the call, e.g. {@link Syscall#SEM_WAIT}
     * @param arguments the arguments as C would print them, for the trace
     */
    void enter(int pid, Syscall call, String arguments);

    /**
     * The system call ends.
     *
     * @param result what it returned, or the errno or fault it ended in, for the trace
     */
    void exit(int pid, String result);

    /**
     * A process is about to load or store through a mapping: a scheduling point when the run asks for
     * per-access granularity, nothing otherwise.
     */
    void access(int pid, Access access, long address, int size);

    /**
     * Blocks the calling process on a futex. The caller has just checked the futex word (the check
     * and the wait are atomic: no other process runs between them).
     *
     * @param deadlineNanos CLOCK_REALTIME nanoseconds, or {@link Long#MAX_VALUE} for none
     */
    Wake futexWait(int pid, FutexKey key, long deadlineNanos);

    /** Wakes at most {@code count} processes waiting on the key, oldest first; returns how many. */
    int futexWake(int pid, FutexKey key, int count);

    /** CLOCK_REALTIME in nanoseconds: real in direct mode, virtual in scheduled mode. */
    long now();

    /** Blocks the calling process until {@link #now()} reaches the deadline. */
    void sleepUntil(int pid, long deadlineNanos);

    /** Reports undefined behaviour the kernel noticed (sem_init over waiters, ...) in the trace. */
    void warn(int pid, String message);

    /**
     * Starts a new simulated process (a run's process, or a fork's child) whose thread runs
     * {@code body}; in scheduled mode it first runs when the strategy picks it.
     */
    void start(int pid, Runnable body);

    /**
     * A process driven by a thread the dispatcher did not start (a process of {@code Machine.spawn()},
     * whose calls come from the caller's own thread) now exists. It counts as live, and as running
     * whenever it is not blocked in a call. Nothing by default.
     */
    default void attach(int pid) {
    }

    /** A process attached by {@link #attach} has ended. Nothing by default. */
    default void detach(int pid) {
    }
}
