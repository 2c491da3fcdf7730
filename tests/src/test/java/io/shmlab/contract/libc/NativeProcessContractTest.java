package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.ProcessContract;
import io.shmlab.libc.NativeBackend;

/** The process contract on the real kernel and glibc. */
class NativeProcessContractTest extends ProcessContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
