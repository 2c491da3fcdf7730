package io.shmlab.sim.kernel;

/**
 * Thrown in a blocked simulated process's thread when the dispatcher finds that every live process
 * is blocked with no deadline: nothing can ever wake it. The process ends "blocked forever in" the
 * call. An {@link Error}, so that a program catching {@code Exception} cannot swallow it.
 */
public final class DeadlockDetected extends Error {
    private static final long serialVersionUID = 1L;

    private final String call;

    public DeadlockDetected(String call) {
        super("deadlock: blocked forever in " + call, null, false, false);
        this.call = call;
    }

    /** The call the process was blocked in, e.g. {@code sem_wait(0x7f...)}. */
    public String call() {
        return call;
    }
}
