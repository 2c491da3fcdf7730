package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.ProcessContract;
import io.shmlab.sim.SimBackend;

/** The process contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrProcessContractTest extends ProcessContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
