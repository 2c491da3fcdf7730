package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.SemaphoreContract;
import io.shmlab.libc.NativeBackend;

/** The semaphore contract on the real kernel and glibc. */
class NativeSemaphoreContractTest extends SemaphoreContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
