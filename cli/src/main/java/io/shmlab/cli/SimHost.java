package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;

/** The simulator as a {@link ProcessHost}. */
final class SimHost {

    private SimHost() {
    }

    static ProcessHost boot(Backend backend) {
        throw new BackendUnavailableException("the simulator's interactive processes are not wired in yet");
    }
}
