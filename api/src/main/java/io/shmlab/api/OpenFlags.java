package io.shmlab.api;

/**
 * The open(2) / shm_open(3) / sem_open(3) flags, with their Linux x86_64 values so that they can be
 * passed to the C library unchanged. Combine them with {@code |}, as in C.
 */
public final class OpenFlags {
    /** Open for reading only. */
    public static final int O_RDONLY = 0;
    /** Open for writing only (mmap of such a descriptor fails with EACCES). */
    public static final int O_WRONLY = 01;
    /** Open for reading and writing. */
    public static final int O_RDWR = 02;
    /** The mask of the three access modes above. */
    public static final int O_ACCMODE = 03;
    /** Create the object if it does not exist, with the mode given. */
    public static final int O_CREAT = 0100;
    /** With O_CREAT: fail with EEXIST if the name exists. */
    public static final int O_EXCL = 0200;
    /** Truncate an existing object to size 0 (needs write access). */
    public static final int O_TRUNC = 01000;

    private OpenFlags() {
    }

    /** The flags as C would write them, e.g. {@code O_RDWR|O_CREAT|O_EXCL}; unknown bits in octal. */
    public static String describe(int oflag) {
        StringBuilder s = new StringBuilder(switch (oflag & O_ACCMODE) {
            case O_RDONLY -> "O_RDONLY";
            case O_WRONLY -> "O_WRONLY";
            case O_RDWR -> "O_RDWR";
            default -> "O_ACCMODE";
        });
        if ((oflag & O_CREAT) != 0) {
            s.append("|O_CREAT");
        }
        if ((oflag & O_EXCL) != 0) {
            s.append("|O_EXCL");
        }
        if ((oflag & O_TRUNC) != 0) {
            s.append("|O_TRUNC");
        }
        int rest = oflag & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC);
        if (rest != 0) {
            s.append("|0").append(Integer.toOctalString(rest));
        }
        return s.toString();
    }
}
