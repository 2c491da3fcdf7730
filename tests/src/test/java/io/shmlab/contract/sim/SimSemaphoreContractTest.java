package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreContract;
import io.shmlab.sim.SimBackend;

/** The semaphore contract on the simulator. */
class SimSemaphoreContractTest extends SemaphoreContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
