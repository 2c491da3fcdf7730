package io.shmlab.libc;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;

/**
 * The real kernel and glibc through JNR-FFI, by the name {@code "native"}. Available on x86_64 Linux
 * with glibc; nothing native is loaded until {@link #boot()}.
 */
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
        return GlibcLoader.unavailableReason();
    }

    @Override
    public boolean canFork() {
        return false;
    }

    /**
     * The host as a machine.
     *
     * @throws BackendUnavailableException off x86_64 Linux/glibc, or when glibc cannot be bound
     */
    @Override
    public Machine boot() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new BackendUnavailableException(reason);
        }
        ThisProcess process;
        try {
            process = ThisProcess.get();
        } catch (LinkageError | RuntimeException e) {
            throw new BackendUnavailableException("the native backend cannot bind glibc through JNR-FFI: " + e, e);
        }
        return new NativeMachine(this, process);
    }
}
