package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.SharedMemoryContract;
import io.shmlab.sim.SimBackend;

/** The shared memory contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrSharedMemoryContractTest extends SharedMemoryContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
