package io.shmlab.libc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.intptr_t;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.annotations.IgnoreError;

/**
 * Decides whether glibc can be used here and binds {@link LibC}, the declaration of the functions
 * used, to it.
 *
 * <p>The check reads only system properties and {@code /proc/self/maps} (which libc this JVM itself
 * runs on), so it loads nothing native: {@link NativeBackend#unavailableReason()} may call it anywhere.
 */
final class GlibcLoader {

    /** The first glibc whose {@code sem_t} is {@link SemT}: 2.21. */
    static final int[] FIRST_GLIBC = {2, 21};

    private GlibcLoader() {
    }

    /** Whether a version as gnu_get_libc_version(3) gives it ({@code "2.36"}) is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why glibc cannot be used here, or {@code null} when it can. */
    static String unavailableReason() {
        String os = System.getProperty("os.name", "?");
        String arch = System.getProperty("os.arch", "?");
        if (!os.equals("Linux")) {
            return "the native backend needs Linux with glibc; this is " + os;
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return "the native backend knows the layouts of x86_64 Linux only (sem_t, struct stat); this is " + arch;
        }
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            if (!maps.contains("/libc.so.6")) {
                return "the native backend needs glibc; this JVM does not run on libc.so.6 (musl?)";
            }
        } catch (IOException | RuntimeException e) {
            return "the native backend cannot tell which C library this is (/proc/self/maps: " + e + ")";
        }
        return null;
    }

    /** Binds {@link LibC} to the C library of this process. */
    static LibC load() {
        return LibraryLoader.create(LibC.class).failImmediately().load("c");
    }

    /**
     * The functions of glibc the native backend calls, declared and nothing more: JNR-FFI binds each
     * method to the C function of the same name.
     *
     * <p>Pointers are passed as raw addresses ({@code long}, {@code @intptr_t}) so that no call allocates
     * a Java object. Every function returns what C returns; turning -1 and errno into a
     * {@link io.shmlab.api.PosixException} is {@link CheckedLibC}'s job alone.
     *
     * <p>JNR-FFI saves errno right after each call, except for the functions marked
     * {@link IgnoreError}, which cannot fail or return their error number.
     *
     * <p>Of glibc's semaphore functions only sem_open, sem_close and sem_unlink are bound: they
     * handle names and mappings, never the {@code sem_t} itself. The operations on a {@code sem_t}
     * are glibc's algorithm made in Java ({@link SemaphoreProtocol}) with the futex calls made here
     * through {@code syscall}, so that glibc never touches a semaphore's page, which another process
     * may have cut from under it (a SIGBUS inside glibc would kill the JVM).
     *
     * <p>It is public only because JNR-FFI implements it in a class loader of its own; nested in this
     * package-private class, it cannot be reached from outside the package.
     */
    public interface LibC {

        /** int shm_open(const char *name, int oflag, mode_t mode) */
        int shm_open(String name, int oflag, @mode_t int mode);

        /** int shm_unlink(const char *name) */
        int shm_unlink(String name);

        /** int open(const char *path, int oflag, ...): variadic, the mode is the one optional argument. */
        @Variadic(fixedCount = 2)
        int open(String path, int oflag, @mode_t int mode);

        /** int close(int fd) */
        int close(int fd);

        /** int fcntl(int fd, int cmd, ...): used with F_DUPFD_CLOEXEC and an int argument. */
        @Variadic(fixedCount = 2)
        int fcntl(int fd, int cmd, int arg);

        /** int ftruncate(int fd, off_t length) */
        int ftruncate(int fd, @off_t long length);

        /** int posix_fallocate(int fd, off_t offset, off_t len): returns the error number, errno untouched. */
        @IgnoreError
        int posix_fallocate(int fd, @off_t long offset, @off_t long length);

        /** int fstat(int fd, struct stat *buf), into {@link StatLayout}. */
        int fstat(int fd, @intptr_t long statBuffer);

        /**
         * void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset). The hint is a
         * {@link Pointer} (always null): with six plain numeric arguments JNR-FFI's fast invoker passes a
         * wrong sixth argument (measured: mmap then fails with EINVAL).
         */
        @intptr_t
        long mmap(Pointer hint, @size_t long length, int prot, int flags, int fd, @off_t long offset);

        /** int munmap(void *addr, size_t length) */
        int munmap(@intptr_t long address, @size_t long length);

        /** int msync(void *addr, size_t length, int flags) */
        int msync(@intptr_t long address, @size_t long length, int flags);

        /**
         * int madvise(void *addr, size_t length, int advice): used with MADV_POPULATE_READ and
         * MADV_POPULATE_WRITE alone, to touch pages before Java does.
         */
        int madvise(@intptr_t long address, @size_t long length, int advice);

        /**
         * sem_t *sem_open(const char *name, int oflag, ...): variadic; the mode and the value are read by
         * glibc only with O_CREAT, and passing them always is what C does with the four-argument form.
         */
        @Variadic(fixedCount = 2)
        @intptr_t
        long sem_open(String name, int oflag, @mode_t int mode, int value);

        /** int sem_close(sem_t *sem) */
        int sem_close(@intptr_t long sem);

        /** int sem_unlink(const char *name) */
        int sem_unlink(String name);

        /**
         * long syscall(long number, ...), for futex(2) alone (glibc has no wrapper for it): the
         * futex word, the operation, the value, the timeout ({@link TimespecLayout} or 0), a second
         * word (unused: 0) and the bit set. Seven plain numbers pass correctly here (measured: a
         * bit set of 0 is refused with EINVAL, -1 is not).
         */
        @Variadic(fixedCount = 1)
        long syscall(long number, @intptr_t long word, int operation, int value, @intptr_t long timeout,
                @intptr_t long word2, int value3);

        /** int kill(pid_t pid, int sig) */
        int kill(int pid, int signal);

        /** pid_t getpid(void) */
        @IgnoreError
        int getpid();

        /** const char *gnu_get_libc_version(void), e.g. {@code "2.36"}. */
        @IgnoreError
        String gnu_get_libc_version();

        /** mode_t umask(mode_t mask): cannot fail. */
        @IgnoreError
        int umask(@mode_t int mask);

        /** uid_t getuid(void) */
        @IgnoreError
        int getuid();

        /** int clock_gettime(clockid_t clock, struct timespec *tp) */
        int clock_gettime(int clock, @intptr_t long timespec);

        /**
         * int clock_nanosleep(clockid_t clock, int flags, const struct timespec *request, struct timespec
         * *remain): returns the error number, errno untouched.
         */
        @IgnoreError
        int clock_nanosleep(int clock, int flags, @intptr_t long request, @intptr_t long remain);
    }
}
