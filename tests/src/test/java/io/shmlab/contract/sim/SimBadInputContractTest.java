package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.BadInputContract;
import io.shmlab.sim.SimBackend;

/** The bad-input contract on the simulator. */
class SimBadInputContractTest extends BadInputContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
