package io.shmlab.libc;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;
import io.shmlab.api.MachineOptions;

/**
 * The real kernel and glibc through JNR-FFI, by the name {@code "native"}. Available on x86_64 Linux
 * with glibc; nothing native is loaded until {@link #boot()}.
 *
 * <p>Its settings ({@link NativeSettings}) are system properties, read when a machine boots and given
 * to it, and passed on to the child JVMs of {@link Machine#run}.
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

    /** Off x86_64 Linux/glibc, or with a setting it does not take, why; else {@code null}. */
    @Override
    public String unavailableReason() {
        String platform = GlibcLoader.unavailableReason();
        return platform != null ? platform : NativeSettings.problemInSystemProperties();
    }

    /** As {@link #unavailableReason()}, and for a size of /dev/shm, why a {@link PrivateTmpfs} cannot be had. */
    @Override
    public String unavailableReason(MachineOptions options) {
        String reason = unavailableReason();
        if (reason != null || options.shmSize() == null) {
            return reason;
        }
        return PrivateTmpfs.unavailableReason();
    }

    /**
     * The host as a machine; with a size for /dev/shm, the host whose child processes have a tmpfs of
     * that size on /dev/shm, in a mount namespace of their own ({@link NativeMachine}).
     *
     * @throws BackendUnavailableException as {@link #boot()}, or when the tmpfs cannot be had, saying why
     */
    @Override
    public Machine boot(MachineOptions options) {
        if (options.shmSize() == null) {
            return start();
        }
        String reason = unavailableReason(options);
        if (reason != null) {
            throw new BackendUnavailableException(reason);
        }
        start(); // binds glibc, or says why it cannot
        return new NativeMachine(this, ThisProcess.get(), NativeSettings.fromSystemProperties(),
                PrivateTmpfs.mount(options.shmSize()));
    }

    @Override
    public boolean canFork() {
        return false;
    }

    /** The kernel interleaves the child JVMs of a run as it pleases. */
    @Override
    public boolean isDeterministic() {
        return false;
    }

    /** Child JVMs are real processes; objects and semaphores are in the host's /dev/shm. */
    @Override
    public boolean runsRealProcesses() {
        return true;
    }

    /**
     * The host as a machine.
     *
     * @throws BackendUnavailableException off x86_64 Linux/glibc, with a bad setting, or when glibc
     *     cannot be bound
     */
    @Override
    public Machine boot() {
        return start();
    }

    /**
     * {@link #boot()} as the machine it is, for this backend's own code (a child JVM, an ordered run).
     *
     * @throws BackendUnavailableException as {@link #boot()}
     */
    NativeMachine start() {
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
        NativeSettings settings = NativeSettings.fromSystemProperties();
        return new NativeMachine(this, process, settings);
    }
}
