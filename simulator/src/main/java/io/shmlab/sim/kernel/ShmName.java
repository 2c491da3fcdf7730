package io.shmlab.sim.kernel;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.PosixException;

/**
 * The name rules glibc 2.36 applies before it touches /dev/shm (its {@code __shm_get_name}), and the
 * one the kernel applies after, as measured on Linux x86_64 with glibc 2.36:
 *
 * <ul>
 *   <li>leading slashes are stripped ({@code "//x"} and {@code "x"} both name {@code x});</li>
 *   <li>what is left must be non-empty, hold no further slash, and fit glibc's buffer (with a
 *       semaphore's {@code sem.} prefix, under 260 bytes); otherwise shm_open and sem_open fail with
 *       EINVAL, while shm_unlink and sem_unlink fail with ENOENT;</li>
 *   <li>{@code "."} and {@code ".."} are EINVAL for shm_open and EISDIR for shm_unlink;</li>
 *   <li>a file name (prefix included) longer than {@link Limits#NAME_MAX} bytes is refused by the
 *       kernel with ENAMETOOLONG;</li>
 *   <li>a name holding a NUL ends there, as the C string it is passed as.</li>
 * </ul>
 * POSIX leaves names without a leading slash, or with more slashes, implementation-defined; this
 * is Linux's answer.
 */
public final class ShmName {
    /** glibc's prefix for the file of a named semaphore. */
    public static final String SEMAPHORE_PREFIX = "sem.";
    /** The bytes glibc allows for prefix and name (its buffer, less "/dev/shm/" and the NUL). */
    private static final int GLIBC_NAME_LIMIT = 260;

    private ShmName() {
    }

    /**
     * The file name in /dev/shm for a name given to a call.
     *
     * @param prefix "" for shm_open, {@link #SEMAPHORE_PREFIX} for sem_open
     * @param invalid the errno the call gives for a name glibc refuses (EINVAL or ENOENT)
     */
    public static String fileName(String name, String prefix, Errno invalid, String call) {
        if (name == null) {
            throw PosixException.onName(Errno.EFAULT, call, null);
        }
        name = asC(name);
        int i = 0;
        while (i < name.length() && name.charAt(i) == '/') {
            i++;
        }
        String stripped = name.substring(i);
        int bytes = stripped.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (stripped.isEmpty() || stripped.indexOf('/') >= 0 || prefix.length() + bytes >= GLIBC_NAME_LIMIT) {
            throw PosixException.onName(invalid, call, name);
        }
        if (prefix.isEmpty() && (stripped.equals(".") || stripped.equals(".."))) {
            // shm_open refuses the directory's own entries; shm_unlink passes them on and the kernel
            // refuses to unlink a directory (for a semaphore, "sem.." is an ordinary name)
            throw PosixException.onName(invalid == Errno.EINVAL ? Errno.EINVAL : Errno.EISDIR, call, name);
        }
        if (prefix.length() + bytes > Limits.NAME_MAX) {
            throw PosixException.onName(Errno.ENAMETOOLONG, call, name);
        }
        return prefix + stripped;
    }

    /**
     * Whether the name is {@code "."} or {@code ".."} after its leading slashes: the namespace's own
     * directory or its parent. Linux opens them read-only (a descriptor of a directory), which the
     * simulator does not model: it refuses them with EINVAL, as Linux refuses every other access
     * mode (glibc turns the kernel's EISDIR into EINVAL).
     */
    public static boolean namesADirectory(String name) {
        String stripped = asC(name).replaceFirst("^/+", "");
        return stripped.equals(".") || stripped.equals("..");
    }

    /** The name as C receives it: a Java string is passed as its bytes, and C's string ends at a NUL. */
    public static String asC(String name) {
        int nul = name.indexOf('\0');
        return nul < 0 ? name : name.substring(0, nul);
    }
}
