package io.shmlab.sim.sched;

/**
 * Unwinds the thread of a simulated process the scheduler has stopped (a deadlock, the step limit,
 * the end of a stepped session), so that the thread can serve the next schedule.
 *
 * <p>It is an {@link Error} so that a program's {@code catch (Exception e)} lets it through; a program
 * that catches {@code Throwable} and goes on calling the kernel gets it again at its next call.
 */
final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    ProcessKilled() {
        super("the scheduler stopped this simulated process", null, false, false);
    }
}
