package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.LayoutContract;
import io.shmlab.sim.SimBackend;

/** The layout contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrLayoutContractTest extends LayoutContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
