package io.shmlab.api;

/**
 * How a machine is set up, beyond what its backend always does ({@link Backend#boot(MachineOptions)}).
 *
 * @param shmSize the capacity of the machine's /dev/shm, or {@code null} for the backend's own: the
 *     simulator's {@link ShmSize#NOMINAL} 8 GiB, the host's /dev/shm on native. On native a size
 *     given is a tmpfs of that size for the machine's child processes alone, in a mount namespace of
 *     their own.
 */
public record MachineOptions(ShmSize shmSize) {

    /** Every option the backend's own. */
    public static final MachineOptions DEFAULT = new MachineOptions(null);

    /** A machine whose /dev/shm holds this much. */
    public static MachineOptions withShmSize(ShmSize size) {
        return new MachineOptions(size);
    }

    /** Whether every option is the backend's own. */
    public boolean isDefault() {
        return shmSize == null;
    }

    /** The capacity of /dev/shm the simulator uses: the one given, else {@link ShmSize#NOMINAL}. */
    public ShmSize simulatedShmSize() {
        return shmSize != null ? shmSize : ShmSize.NOMINAL;
    }
}
