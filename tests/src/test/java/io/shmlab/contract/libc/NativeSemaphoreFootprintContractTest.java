package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreFootprintContract;
import io.shmlab.libc.NativeBackend;

/** The semaphore footprint contract on the real kernel and glibc. */
class NativeSemaphoreFootprintContractTest extends SemaphoreFootprintContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
