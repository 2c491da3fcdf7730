package io.shmlab.sim;

import io.shmlab.api.Backend;

/** The simulator, by the name {@code "sim"}: an operating system inside the JVM. Always available. */
public final class SimBackend implements Backend {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String description() {
        return "an operating system simulated inside the JVM: shared memory, mappings and glibc's semaphores";
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public boolean canFork() {
        return true;
    }

    /** A machine with the defaults: seed 0, the direct dispatcher. */
    @Override
    public SimMachine boot() {
        return SimMachine.builder().backend(this).build();
    }
}
