package io.shmlab.api;

/**
 * A check over the shared state a run leaves behind, written in Java like a program: it runs once,
 * after every process of the run has exited, with an {@link Os} of its own to open and read the
 * objects and semaphores the processes shared ({@code shm_open}, {@code mmap}, {@code sem_getvalue}).
 *
 * <p>It fails by throwing: an {@link AssertionError} (as {@code assert} or a test framework's
 * assertions throw) or any other exception, whose message says what is wrong. A run whose check fails
 * is a failing run, reported with its schedule's token like a process that exited non-zero. A run
 * where a process blocked forever or was killed (a deadlock, a fault) is reported as such: its check
 * does not run.
 *
 * <p>On the simulator the check's process is a new one on the run's machine, after the schedule, so it
 * is not scheduled and cannot change the schedule; on the native backend it runs in the parent JVM
 * after the child processes, before the run's names are removed. A program class that also implements
 * this interface is its own check: a fresh instance, built with the program's arguments, runs it.
 * The check should not wait for anything ({@code sem_wait} on a semaphore left at 0 blocks it
 * forever): read values with {@link Os#semGetvalue} or {@link Os#semTrywait}.
 */
@FunctionalInterface
public interface FinalCheck {

    /**
     * Checks the shared state.
     *
     * @param os the check's own process handle
     * @throws Exception (an {@link AssertionError} included) when the state is wrong, saying how
     */
    void check(Os os) throws Exception;
}
