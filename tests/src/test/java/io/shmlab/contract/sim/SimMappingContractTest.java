package io.shmlab.contract.sim;

import io.shmlab.api.Backend;
import io.shmlab.contract.MappingContract;
import io.shmlab.sim.SimBackend;

/** The mapping contract on the simulator. */
class SimMappingContractTest extends MappingContract {
    @Override
    protected Backend backend() {
        return new SimBackend();
    }
}
