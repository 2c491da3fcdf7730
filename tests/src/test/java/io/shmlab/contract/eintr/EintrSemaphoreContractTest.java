package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreContract;
import io.shmlab.sim.SimBackend;

/** The semaphore contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrSemaphoreContractTest extends SemaphoreContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
