package io.shmlab.libc;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;

/** The real kernel and glibc through JNR-FFI, by the name {@code "native"}. */
public final class NativeBackend implements Backend {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String description() {
        return "the real Linux kernel and glibc, through JNR-FFI";
    }

    @Override
    public String unavailableReason() {
        return "the native backend is not built yet";
    }

    @Override
    public boolean canFork() {
        return false;
    }

    @Override
    public Machine boot() {
        throw new BackendUnavailableException(unavailableReason());
    }
}
