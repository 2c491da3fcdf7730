package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreFootprintContract;
import io.shmlab.sim.SimBackend;

/** The semaphore footprint contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrSemaphoreFootprintContractTest extends SemaphoreFootprintContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
