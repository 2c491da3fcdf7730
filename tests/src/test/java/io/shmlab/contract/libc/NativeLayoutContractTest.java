package io.shmlab.contract.libc;

import io.shmlab.api.Backend;
import io.shmlab.contract.LayoutContract;
import io.shmlab.libc.NativeBackend;

/** The layout contract on the real kernel and glibc. */
class NativeLayoutContractTest extends LayoutContract {
    @Override
    protected Backend backend() {
        return new NativeBackend();
    }
}
