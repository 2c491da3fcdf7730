package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.CheckOrderContract;
import io.shmlab.sim.SimBackend;

/** The check order contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrCheckOrderContractTest extends CheckOrderContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
