package io.shmlab.sim.kernel;

import io.shmlab.api.Signal;

/**
 * Thrown in a simulated process's thread to end it by a signal (kill, or a crash of the machine). It
 * is an {@link Error} so that a program catching {@code Exception} cannot swallow it, just as a C
 * program cannot catch SIGKILL.
 */
public final class ProcessKilled extends Error {
    private static final long serialVersionUID = 1L;

    private final transient Signal signal;

    public ProcessKilled(Signal signal) {
        super("killed by " + signal, null, false, false);
        this.signal = signal;
    }

    public Signal signal() {
        return signal;
    }
}
