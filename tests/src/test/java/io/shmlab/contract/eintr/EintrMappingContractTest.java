package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.MappingContract;
import io.shmlab.sim.SimBackend;

/** The mapping contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrMappingContractTest extends MappingContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
