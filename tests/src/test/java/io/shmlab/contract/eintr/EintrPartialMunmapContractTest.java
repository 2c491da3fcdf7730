package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.PartialMunmapContract;
import io.shmlab.sim.SimBackend;

/** The partial munmap contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrPartialMunmapContractTest extends PartialMunmapContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
