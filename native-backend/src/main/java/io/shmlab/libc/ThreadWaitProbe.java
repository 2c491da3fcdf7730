package io.shmlab.libc;

import io.shmlab.libc.turns.ProcThread;

/**
 * Tells what a thread is waiting for, as {@link ProcThread} reads it from {@code /proc}: its state
 * ({@code S} for an interruptible sleep) and the system call it sleeps in with its arguments (futex(2),
 * its second argument the operation, its fourth the timeout pointer).
 *
 * <p>A JVM always has threads in timed futex waits (the compiler, the garbage collector, ...), so
 * only the thread that runs the program is asked about.
 */
@FunctionalInterface
interface ThreadWaitProbe {

    /** What thread {@code tid} of process {@code pid} is doing now. */
    KernelWait probe(int pid, int tid);

    /** The probe reading /proc. */
    static ThreadWaitProbe proc() {
        return (pid, tid) -> ProcThread.state(pid, tid) == 'S' ? of(ProcThread.syscall(pid, tid)) : KernelWait.OTHER;
    }

    /** What a line of /proc/PID/task/TID/syscall says: {@code 202 0x... 0x80 0x0 0x0 ...}. */
    static KernelWait ofSyscall(String line) {
        return of(ProcThread.call(line));
    }

    private static KernelWait of(ProcThread.Call call) {
        if (call == null || call.number() != Futex.SYS_FUTEX || call.argumentCount() < 4) {
            return KernelWait.OTHER;
        }
        long command = call.argument(1) & ~(long) (Futex.PRIVATE_FLAG | Futex.CLOCK_REALTIME);
        boolean waits = command == Futex.WAIT || command == Futex.WAIT_BITSET;
        boolean untimed = call.argument(3) == 0;
        return waits && untimed ? KernelWait.UNTIMED_FUTEX_WAIT : KernelWait.OTHER;
    }
}
