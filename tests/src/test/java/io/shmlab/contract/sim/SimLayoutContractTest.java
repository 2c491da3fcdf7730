package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.LayoutContract;
import io.shmlab.sim.SimBackend;

/** The layout contract on the simulator. */
class SimLayoutContractTest extends LayoutContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
