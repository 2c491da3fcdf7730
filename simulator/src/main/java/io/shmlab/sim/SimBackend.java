package io.shmlab.sim;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;

/** The simulator, by the name {@code "sim"}: an operating system inside the JVM. */
public final class SimBackend implements Backend {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String description() {
        return "an operating system simulated inside the JVM, with a deterministic scheduler";
    }

    @Override
    public String unavailableReason() {
        return "the simulator's kernel is not built yet";
    }

    @Override
    public boolean canFork() {
        return true;
    }

    @Override
    public Machine boot() {
        throw new BackendUnavailableException(unavailableReason());
    }
}
