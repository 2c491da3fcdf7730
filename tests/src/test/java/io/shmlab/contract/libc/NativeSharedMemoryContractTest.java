package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.SharedMemoryContract;
import io.shmlab.libc.NativeBackend;

/** The shared memory contract on the real kernel and glibc. */
class NativeSharedMemoryContractTest extends SharedMemoryContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
