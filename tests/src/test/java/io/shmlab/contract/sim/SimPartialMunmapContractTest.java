package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.PartialMunmapContract;
import io.shmlab.sim.SimBackend;

/** The partial munmap contract on the simulator. */
class SimPartialMunmapContractTest extends PartialMunmapContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
