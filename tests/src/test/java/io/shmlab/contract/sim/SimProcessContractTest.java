package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.ProcessContract;
import io.shmlab.sim.SimBackend;

/** The process contract on the simulator. */
class SimProcessContractTest extends ProcessContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
