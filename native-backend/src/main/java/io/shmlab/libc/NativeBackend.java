package io.shmlab.libc;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;

/**
 * The real kernel and glibc through JNR-FFI, by the name {@code "native"}. Available on x86_64 Linux
 * with glibc; nothing native is loaded until {@link #boot()}.
 *
 * <p>Its settings are system properties, read once when it is first booted in a JVM and passed on to
 * the child JVMs of {@link Machine#run}: {@link #SEMAPHORE_SPINS} and {@link #CHECK_SEMAPHORE_FILES}.
 */
public final class NativeBackend implements Backend {
    /**
     * {@code -Dshmlab.native.semaphoreSpins=N}: how many times a sem_wait or sem_timedwait that finds
     * the value 0 polls it before it sleeps on the futex; 100 by default (as musl), 0 to sleep at once
     * as glibc does.
     */
    public static final String SEMAPHORE_SPINS = "shmlab.native.semaphoreSpins";

    /**
     * {@code -Dshmlab.native.checkSemaphoreFiles=true}: before every semaphore call on a page of a
     * file (a named semaphore, or a {@code sem_t} in a mapping of an object), ask the kernel the
     * file's size (one fstat), so that a file another process cut before the call is a
     * {@link io.shmlab.api.BusError} and never a crash of the JVM. Off by default: it costs a system
     * call per semaphore call, and the JVM's own cuts are seen without it (see the README).
     */
    public static final String CHECK_SEMAPHORE_FILES = "shmlab.native.checkSemaphoreFiles";

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
        return platform != null ? platform : SemaphoreSpin.settingProblem();
    }

    @Override
    public boolean canFork() {
        return false;
    }

    /**
     * The host as a machine.
     *
     * @throws BackendUnavailableException off x86_64 Linux/glibc, with a bad setting, or when glibc
     *     cannot be bound
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
