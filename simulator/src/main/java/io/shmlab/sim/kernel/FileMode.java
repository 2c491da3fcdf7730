package io.shmlab.sim.kernel;

import io.shmlab.api.Errno;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.PosixException;

/**
 * Permission checks as Linux makes them for open(2): the owner's bits for the owner, the others' bits
 * for everyone else (simulated processes have no supplementary groups), and root (uid 0) passes every
 * check. O_TRUNC asks for write permission even with O_RDONLY, as Linux does.
 */
final class FileMode {
    static final int READ = 4;
    static final int WRITE = 2;
    /** The umask a new simulated process starts with: 022, as a login shell gives. */
    static final int DEFAULT_UMASK = 022;

    private FileMode() {
    }

    /** The bits a process may use on an object: owner's or others'. */
    static int allowed(MemoryObject object, int uid) {
        if (uid == 0) {
            return READ | WRITE;
        }
        int mode = object.mode();
        return uid == object.uid() ? (mode >> 6) & 7 : mode & 7;
    }

    /** Whether a process of {@code uid} may open an object of this mode and owner with these flags. */
    static boolean mayOpen(int mode, int owner, int uid, int oflag) {
        int allowed = uid == 0 ? READ | WRITE : uid == owner ? (mode >> 6) & 7 : mode & 7;
        int need = needed(oflag);
        return (allowed & need) == need;
    }

    private static int needed(int oflag) {
        int need = switch (oflag & OpenFlags.O_ACCMODE) {
            case OpenFlags.O_RDONLY -> READ;
            case OpenFlags.O_WRONLY -> WRITE;
            default -> READ | WRITE;
        };
        return (oflag & OpenFlags.O_TRUNC) != 0 ? need | WRITE : need;
    }

    /** EACCES unless the uid may open the object with these flags. */
    static void checkOpen(MemoryObject object, int uid, int oflag, String call, String name) {
        int need = needed(oflag);
        if ((allowed(object, uid) & need) != need) {
            throw PosixException.onName(Errno.EACCES, call, name);
        }
    }

    /** The mode of a new object: the bits asked, less the umask. */
    static int create(int mode, int umask) {
        return mode & 07777 & ~umask;
    }
}
