package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.SharedMemoryContract;
import io.shmlab.sim.SimBackend;

/** The shared memory contract on the simulator. */
class SimSharedMemoryContractTest extends SharedMemoryContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
