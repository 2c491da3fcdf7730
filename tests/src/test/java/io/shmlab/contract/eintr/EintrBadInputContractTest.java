package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.BadInputContract;
import io.shmlab.sim.SimBackend;

/** The bad input contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrBadInputContractTest extends BadInputContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
