package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.MappingContract;
import io.shmlab.libc.NativeBackend;

/** The mapping contract on the real kernel and glibc. */
class NativeMappingContractTest extends MappingContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
