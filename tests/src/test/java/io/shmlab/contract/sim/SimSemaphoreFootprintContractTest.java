package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreFootprintContract;
import io.shmlab.sim.SimBackend;

/** The semaphore footprint contract on the simulator. */
class SimSemaphoreFootprintContractTest extends SemaphoreFootprintContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
