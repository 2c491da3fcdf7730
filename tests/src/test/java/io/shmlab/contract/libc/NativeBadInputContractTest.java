package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.BadInputContract;
import io.shmlab.libc.NativeBackend;

/** The bad-input contract on the real kernel and glibc. */
class NativeBadInputContractTest extends BadInputContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
