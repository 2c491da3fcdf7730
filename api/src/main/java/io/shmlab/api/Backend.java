package io.shmlab.api;

/**
 * A way to run the api: {@code "sim"} (the simulator) or {@code "native"} (the real kernel and
 * glibc). Found by name through {@link Backends#get(String)} ({@link java.util.ServiceLoader}), or
 * built directly. No backend falls back to another.
 *
 * <p>Implementations have a public no-argument constructor, and do nothing costly (such as loading a
 * native library) until {@link #boot()}.
 */
public interface Backend {

    /** The name a user picks it by: {@code "sim"} or {@code "native"}. */
    String name();

    /** One line saying what it is. */
    String description();

    /**
     * Why this backend cannot run here (for example "the native backend needs Linux with glibc; this
     * is Mac OS X"), or {@code null} when it can.
     */
    String unavailableReason();

    /** Whether {@link Os#fork(Program)} works on this backend. */
    boolean canFork();

    /**
     * Starts a machine.
     *
     * @throws BackendUnavailableException when {@link #unavailableReason()} is not null
     */
    Machine boot();
}
