package io.shmlab.libc.turns;

/**
 * Stops and continues whole processes: kill(2) with SIGSTOP and SIGCONT. The supervisor freezes a
 * process blocked in a futex wait just before another process's call wakes it, so that it goes on
 * (retrying its wait in glibc) only on its own next turn, as in the simulator.
 */
public interface ProcessSignals {

    /** Sends SIGSTOP. */
    void stop(int pid);

    /** Sends SIGCONT. */
    void resume(int pid);
}
