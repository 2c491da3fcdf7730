package io.shmlab.libc.exec;

/**
 * Whether shmlab itself is being stopped (Ctrl-C, SIGTERM), asked by a run as it goes
 * ({@link ExecRun}): once it says yes, the run in progress ends as {@link ExecRun.End#INTERRUPTED}, its
 * processes stopped and what they made removed, and a run asked to start starts no process.
 */
@FunctionalInterface
public interface Interruption {
    /** Runs that only end by themselves. */
    Interruption NONE = () -> false;

    /** True once shmlab is being stopped. */
    boolean interrupted();
}
