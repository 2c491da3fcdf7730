package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.CheckOrderContract;
import io.shmlab.sim.SimBackend;

/** The check-order contract on the simulator. */
class SimCheckOrderContractTest extends CheckOrderContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
