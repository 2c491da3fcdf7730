package io.shmlab.api;

/**
 * A way to run the api: {@code "sim"} (the simulator) or {@code "native"} (the real kernel and
 * glibc). Found by name through {@link Backends#get(String)} ({@link java.util.ServiceLoader}), or
 * built directly. No backend falls back to another.
 *
 * <p>What a backend can do is asked of it ({@link #canFork()}, {@link #isDeterministic()},
 * {@link #runsRealProcesses()}), never read from its name.
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
     * Whether the interleaving of a {@link Machine#run} is chosen by a seeded scheduler: the same seed
     * gives the same run, and {@link RunReport#schedule()} is a token that replays it. False where the
     * host's scheduler interleaves real processes as it pleases.
     */
    boolean isDeterministic();

    /**
     * Whether its processes are real processes of the host, and its shared memory objects and named
     * semaphores the host's ({@code /dev/shm}): other programs, C ones included, see them, and they
     * outlive the machine. False where processes and names live in this JVM and go with the machine.
     */
    boolean runsRealProcesses();

    /**
     * Starts a machine.
     *
     * @throws BackendUnavailableException when {@link #unavailableReason()} is not null
     */
    Machine boot();

    /**
     * Why this backend cannot start a machine with these options here, or {@code null} when it can: the
     * backend's own reason, or one of the options' (a /dev/shm of its own on native needs root).
     */
    default String unavailableReason(MachineOptions options) {
        String reason = unavailableReason();
        if (reason != null || options.isDefault()) {
            return reason;
        }
        return name() + " takes no machine options";
    }

    /**
     * Starts a machine set up as the options say (a capacity for its /dev/shm).
     *
     * @throws BackendUnavailableException when {@link #unavailableReason(MachineOptions)} is not null
     */
    default Machine boot(MachineOptions options) {
        String reason = unavailableReason(options);
        if (reason != null) {
            throw new BackendUnavailableException(reason);
        }
        return boot();
    }
}
