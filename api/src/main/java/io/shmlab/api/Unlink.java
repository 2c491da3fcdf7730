package io.shmlab.api;

/**
 * Removing a name that a run may or may not have made, as a clean-up does: shm_unlink(3) or
 * sem_unlink(3), where ENOENT (never made, or removed already) is not an error. Any other errno is
 * thrown: a clean-up that cannot remove a name says so.
 */
public final class Unlink {
    private Unlink() {
    }

    /** shm_unlink(3) of {@code name} if it exists: true when it was removed, false when it was not there. */
    public static boolean shmIfPresent(Os os, String name) {
        try {
            os.shmUnlink(name);
            return true;
        } catch (PosixException e) {
            return absent(e);
        }
    }

    /** sem_unlink(3) of {@code name} if it exists: true when it was removed, false when it was not there. */
    public static boolean semIfPresent(Os os, String name) {
        try {
            os.semUnlink(name);
            return true;
        } catch (PosixException e) {
            return absent(e);
        }
    }

    /**
     * The unlink of an entry of /dev/shm ({@link ShmNamespace}: {@code x} for the object {@code /x},
     * {@code sem.x} for the semaphore {@code /x}) if it exists: true when it was removed, false when it
     * was not there.
     */
    public static boolean entryIfPresent(Os os, String entry) {
        return ShmNamespace.isSemaphoreFile(entry) ? semIfPresent(os, ShmNamespace.semaphoreName(entry))
                : shmIfPresent(os, "/" + entry);
    }

    private static boolean absent(PosixException e) {
        if (e.errno() != Errno.ENOENT) {
            throw e;
        }
        return false;
    }
}
