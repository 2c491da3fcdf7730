package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.MapFlagsContract;
import io.shmlab.sim.SimBackend;

/** The mmap flags contract on the simulator. */
class SimMapFlagsContractTest extends MapFlagsContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
