package io.shmlab.contract.eintr;

import io.shmlab.api.Backend;
import io.shmlab.contract.MapFlagsContract;
import io.shmlab.sim.SimBackend;

/** The mmap flags contract on the adversarial simulator, whose blocking calls are interrupted spuriously. */
class EintrMapFlagsContractTest extends MapFlagsContract {
    @Override
    protected Backend backend() {
        return SimBackend.withSpuriousEintr();
    }
}
