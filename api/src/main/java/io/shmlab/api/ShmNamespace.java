package io.shmlab.api;

/**
 * How the names given to shm_open(3) and sem_open(3) become entries of /dev/shm, as glibc 2.36 makes
 * them on Linux: the leading slashes are dropped, a shared memory object {@code /NAME} is the file
 * {@code NAME}, and a named semaphore {@code /NAME} is the file {@code sem.NAME} (32 bytes holding its
 * {@code sem_t}). So {@code ls /dev/shm} after {@code shm_open("/os_cp")} and {@code sem_open("/x")}
 * shows {@code os_cp} and {@code sem.x}.
 *
 * <p>The file name is what the kernel limits to {@link Limits#NAME_MAX} bytes, so a semaphore's name
 * has four bytes less room than an object's: {@link #OBJECT_NAME_MAX} and {@link #SEMAPHORE_NAME_MAX},
 * in bytes after the leading slash. Before that, glibc refuses (EINVAL) a file name of
 * {@link #GLIBC_FILE_NAME_LIMIT} bytes or more, which does not fit its buffer.
 *
 * <p>This class only maps names; which names a call accepts, and with which errno it refuses the
 * others, is each backend's (the simulator's {@code ShmName}, glibc itself on native).
 */
public final class ShmNamespace {
    /** glibc's prefix for the file of a named semaphore. */
    public static final String SEMAPHORE_PREFIX = "sem.";
    /** The longest name of a shared memory object, in bytes after the leading slash. */
    public static final int OBJECT_NAME_MAX = Limits.NAME_MAX;
    /** The longest name of a named semaphore, in bytes after the leading slash: room for {@code sem.}. */
    public static final int SEMAPHORE_NAME_MAX = Limits.NAME_MAX - SEMAPHORE_PREFIX.length();
    /**
     * The file names (prefix included, in bytes) glibc refuses with EINVAL before the kernel sees
     * them: this many bytes or more (its buffer, less {@code "/dev/shm/"} and the NUL).
     */
    public static final int GLIBC_FILE_NAME_LIMIT = 260;

    private ShmNamespace() {
    }

    /** The entry of /dev/shm of the shared memory object {@code name}: {@code "/os_cp"} is {@code "os_cp"}. */
    public static String objectFile(String name) {
        return withoutLeadingSlashes(name);
    }

    /** The entry of /dev/shm of the named semaphore {@code name}: {@code "/x"} is {@code "sem.x"}. */
    public static String semaphoreFile(String name) {
        return SEMAPHORE_PREFIX + withoutLeadingSlashes(name);
    }

    /** Whether an entry of /dev/shm is the file of a named semaphore: {@code "sem.x"} is, {@code "os_cp"} is not. */
    public static boolean isSemaphoreFile(String entry) {
        return entry.startsWith(SEMAPHORE_PREFIX) && entry.length() > SEMAPHORE_PREFIX.length();
    }

    /**
     * The name of the named semaphore whose file is {@code entry}: {@code "sem.x"} is {@code "/x"}.
     *
     * @throws IllegalArgumentException when the entry is not a semaphore's file
     */
    public static String semaphoreName(String entry) {
        if (!isSemaphoreFile(entry)) {
            throw new IllegalArgumentException("not a named semaphore's file: " + entry);
        }
        return "/" + entry.substring(SEMAPHORE_PREFIX.length());
    }

    private static String withoutLeadingSlashes(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '/') {
            i++;
        }
        return name.substring(i);
    }
}
