package io.shmlab.sim.kernel;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.PosixException;
import io.shmlab.api.ShmNamespace;
import java.nio.charset.StandardCharsets;

/**
 * The name rules glibc 2.36 applies before it touches /dev/shm (its {@code __shm_get_name}), and the
 * one the kernel applies after, as measured on Linux x86_64 with glibc 2.36:
 *
 * <ul>
 *   <li>leading slashes are stripped ({@code "//x"} and {@code "x"} both name {@code x});</li>
 *   <li>what is left must be non-empty, hold no further slash, and fit glibc's buffer (with a
 *       semaphore's {@code sem.} prefix, under {@link ShmNamespace#GLIBC_FILE_NAME_LIMIT} bytes);
 *       otherwise shm_open and sem_open fail with EINVAL, while shm_unlink and sem_unlink fail with
 *       ENOENT;</li>
 *   <li>{@code "."} and {@code ".."} are EINVAL for shm_open and EISDIR for shm_unlink;</li>
 *   <li>a file name (prefix included) longer than {@link Limits#NAME_MAX} bytes is refused by the
 *       kernel with ENAMETOOLONG: a name longer than {@link ShmNamespace#OBJECT_NAME_MAX} bytes, or
 *       {@link ShmNamespace#SEMAPHORE_NAME_MAX} for a semaphore;</li>
 *   <li>a name holding a NUL ends there, as the C string it is passed as.</li>
 * </ul>
 * POSIX leaves names without a leading slash, or with more slashes, implementation-defined; this
 * is Linux's answer. Which file a name becomes is the api's rule ({@link ShmNamespace}).
 */
public final class ShmName {

    private ShmName() {
    }

    /**
     * The file name in /dev/shm of a shared memory object, for a name given to shm_open or shm_unlink.
     *
     * @param invalid the errno the call gives for a name glibc refuses (EINVAL or ENOENT)
     */
    public static String objectFile(String name, Errno invalid, String call) {
        return fileName(name, false, invalid, call);
    }

    /**
     * The file name in /dev/shm of a named semaphore ({@code sem.NAME}), for a name given to sem_open
     * or sem_unlink.
     *
     * @param invalid the errno the call gives for a name glibc refuses (EINVAL or ENOENT)
     */
    public static String semaphoreFile(String name, Errno invalid, String call) {
        return fileName(name, true, invalid, call);
    }

    private static String fileName(String name, boolean semaphore, Errno invalid, String call) {
        if (name == null) {
            throw PosixException.onName(Errno.EFAULT, call, null);
        }
        name = asC(name);
        String stripped = ShmNamespace.objectFile(name);
        String file = semaphore ? ShmNamespace.semaphoreFile(stripped) : stripped;
        int fileBytes = file.getBytes(StandardCharsets.UTF_8).length;
        if (stripped.isEmpty() || stripped.indexOf('/') >= 0 || fileBytes >= ShmNamespace.GLIBC_FILE_NAME_LIMIT) {
            throw PosixException.onName(invalid, call, name);
        }
        if (!semaphore && (stripped.equals(".") || stripped.equals(".."))) {
            // shm_open refuses the directory's own entries; shm_unlink passes them on and the kernel
            // refuses to unlink a directory (for a semaphore, "sem.." is an ordinary name)
            throw PosixException.onName(invalid == Errno.EINVAL ? Errno.EINVAL : Errno.EISDIR, call, name);
        }
        if (fileBytes > Limits.NAME_MAX) {
            throw PosixException.onName(Errno.ENAMETOOLONG, call, name);
        }
        return file;
    }

    /**
     * Whether the name is {@code "."} or {@code ".."} after its leading slashes: the namespace's own
     * directory or its parent. Linux opens them read-only (a descriptor of a directory), which the
     * simulator does not model: it refuses them with EINVAL, as Linux refuses every other access
     * mode (glibc turns the kernel's EISDIR into EINVAL).
     */
    public static boolean namesADirectory(String name) {
        String stripped = ShmNamespace.objectFile(asC(name));
        return stripped.equals(".") || stripped.equals("..");
    }

    /** The name as C receives it: a Java string is passed as its bytes, and C's string ends at a NUL. */
    public static String asC(String name) {
        int nul = name.indexOf('\0');
        return nul < 0 ? name : name.substring(0, nul);
    }
}
