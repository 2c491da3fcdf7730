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
 * <p>Futexes are the kernel's: its {@link FutexTable} queues the waiters, picks whom a wake releases
 * and holds the one deadlock check; a dispatcher only {@linkplain #park parks} a waiter and
 * {@linkplain #unpark lets it run} again, keeps the clock, and chooses who runs.
 *
 * <p>Protocol, per process thread: every system call is bracketed by {@link #enter} and
 * {@link #exit} (in a try/finally); {@link #park}, {@link #unpark}, {@link #sleepUntil} and
 * {@link #warn} are only called between them. {@link #access} is called outside any system call,
 * before each load or store through a mapping. Between enter and exit the caller owns the kernel: no
 * other simulated process runs, except while it is blocked in park or sleepUntil.
 */
public interface Dispatcher {

    /** Why a futex wait returned. */
    enum Wake {
        /** A wake on the same key woke it. */
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
     * The futex table of the kernel whose processes this dispatcher runs: it asks the table's deadlock
     * check. Called once, when the table is made (or a run is routed here).
     */
    void useFutexTable(FutexTable futexes);

    /**
     * Blocks the calling process, which the futex table has just queued as {@code waiter}, until the
     * table {@linkplain #unpark releases} it ({@link Wake#WOKEN}) or its deadline passes
     * ({@link Wake#TIMED_OUT}). A wait nothing can ever end throws {@link DeadlockDetected} (or, in a
     * scheduled run, the error that unwinds the process).
     */
    Wake park(FutexTable.Waiter waiter);

    /** The futex table released a parked waiter: it may run again. Called by the waking process {@code pid}. */
    void unpark(int pid, FutexTable.Waiter waiter);

    /** Whether futex waits are interrupted spuriously (every other one of a process), to shake out EINTR paths. */
    default boolean spuriousEintr() {
        return false;
    }

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

    /**
     * Where the kernel tells what the running process touches that others could see: a scheduler
     * that reduces the schedules it runs records it; {@link TouchLog#NONE} by default.
     */
    default TouchLog touches() {
        return TouchLog.NONE;
    }

    /** A process attached by {@link #attach} has ended. Nothing by default. */
    default void detach(int pid) {
    }
}
