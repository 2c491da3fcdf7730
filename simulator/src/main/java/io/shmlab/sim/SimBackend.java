package io.shmlab.sim;

import io.shmlab.api.Backend;
import io.shmlab.api.MachineOptions;

/**
 * The simulator, by the name {@code "sim"}: an operating system inside the JVM. Always available.
 *
 * <p>{@link #withSpuriousEintr()} gives an adversarial variant whose machines interrupt blocking
 * waits spuriously, for running the contract suite against the EINTR retry paths.
 */
public final class SimBackend implements Backend {
    private final boolean spuriousEintr;

    /** The simulator with its defaults (what ServiceLoader builds). */
    public SimBackend() {
        this(false);
    }

    private SimBackend(boolean spuriousEintr) {
        this.spuriousEintr = spuriousEintr;
    }

    /** The simulator whose machines interrupt every other futex wait spuriously (EINTR). */
    public static SimBackend withSpuriousEintr() {
        return new SimBackend(true);
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String description() {
        return "an operating system simulated inside the JVM: shared memory, mappings and glibc's semaphores"
                + (spuriousEintr ? " (with spurious EINTR)" : "");
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public boolean canFork() {
        return true;
    }

    /** A run is scheduled from its seed, and reports the token that replays it. */
    @Override
    public boolean isDeterministic() {
        return true;
    }

    /** Processes, objects and semaphores live in the JVM and go with the machine. */
    @Override
    public boolean runsRealProcesses() {
        return false;
    }

    /** A machine with the defaults: seed 0, the direct dispatcher, a /dev/shm of the nominal 8 GiB. */
    @Override
    public SimMachine boot() {
        return boot(MachineOptions.DEFAULT);
    }

    /** Every option is the simulator's to take: a /dev/shm of the size given. */
    @Override
    public String unavailableReason(MachineOptions options) {
        return null;
    }

    /** A machine with the defaults but the capacity of /dev/shm the options give. */
    @Override
    public SimMachine boot(MachineOptions options) {
        return SimMachine.builder().backend(this).spuriousEintr(spuriousEintr).shmSize(options.simulatedShmSize()).build();
    }
}
