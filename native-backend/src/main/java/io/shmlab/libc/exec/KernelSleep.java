package io.shmlab.libc.exec;

import io.shmlab.libc.turns.ProcThread;

/**
 * Whether a process's calling thread sleeps in the kernel, as {@link ProcThread} reads it from
 * {@code /proc} (state {@code S}, and the system call's number and first argument): what tells that a
 * call that said it would block has really gone to sleep.
 */
final class KernelSleep {
    private static final long FUTEX = 202;
    private static final long NANOSLEEP = 35;
    private static final long CLOCK_NANOSLEEP = 230;

    private KernelSleep() {
    }

    /** Asleep in futex(2) on this word (an untimed wait: nothing but a post can end it). */
    static boolean onFutex(int pid, int tid, long word) {
        ProcThread.Call call = sleepingCall(pid, tid);
        return call != null && call.number() == FUTEX && call.argumentCount() >= 1 && call.argument(0) == word;
    }

    /** Asleep in futex(2) or a sleep (a wait with a deadline, or a sleep in real time). */
    static boolean timed(int pid, int tid) {
        ProcThread.Call call = sleepingCall(pid, tid);
        return call != null && (call.number() == FUTEX || call.number() == NANOSLEEP || call.number() == CLOCK_NANOSLEEP);
    }

    /** The call the thread sleeps in, or null when it does not sleep. */
    private static ProcThread.Call sleepingCall(int pid, int tid) {
        return ProcThread.state(pid, tid) == 'S' ? ProcThread.syscall(pid, tid) : null;
    }
}
