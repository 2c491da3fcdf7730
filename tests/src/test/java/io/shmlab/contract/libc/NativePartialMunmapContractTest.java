package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.PartialMunmapContract;
import io.shmlab.libc.NativeBackend;

/** The partial munmap contract on the real kernel. */
class NativePartialMunmapContractTest extends PartialMunmapContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
