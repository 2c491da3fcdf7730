package io.shmlab.libc.turns;

/**
 * Tells whether a thread of a process is asleep inside a system call, as {@link ProcThread} reads it
 * from {@code /proc} (state {@code S}, and a system call, not {@code running}): a process blocked in
 * sem_wait sleeps in futex(2).
 */
@FunctionalInterface
public interface SleepProbe {

    /** True when the thread sleeps in a system call; true as well when the thread is unknown (tid 0). */
    boolean asleepInKernel(int pid, int tid);

    /**
     * True when the thread is stopped by a signal (state {@code T}), or gone, or unknown: what a
     * SIGSTOP is waited for with.
     */
    default boolean stoppedOrGone(int pid, int tid) {
        char state = ProcThread.state(pid, tid);
        return state == ProcThread.UNREADABLE || state == 'T' || state == 't' || state == 'Z' || state == 'X';
    }

    /** The probe reading /proc; a thread that is gone is not asleep. */
    static SleepProbe proc() {
        return (pid, tid) -> {
            if (pid <= 0 || tid <= 0) {
                return true;
            }
            return ProcThread.state(pid, tid) == 'S' && ProcThread.syscall(pid, tid) != null;
        };
    }
}
