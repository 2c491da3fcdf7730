package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.MapFlagsContract;
import io.shmlab.libc.NativeBackend;

/** The mmap flags contract on the real kernel. */
class NativeMapFlagsContractTest extends MapFlagsContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
