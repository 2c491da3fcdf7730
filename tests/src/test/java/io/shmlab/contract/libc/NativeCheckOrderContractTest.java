package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.CheckOrderContract;
import io.shmlab.libc.NativeBackend;

/** The check-order contract on the real kernel and glibc. */
class NativeCheckOrderContractTest extends CheckOrderContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
