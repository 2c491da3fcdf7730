package io.shmlab.api;

/**
 * A {@code sem_t *}: a named semaphore from sem_open(3), or a pointer to a {@code sem_t} inside a
 * mapping ({@link Os#semInit} or {@link Os#semAt}). Operations on it are calls on {@link Os}, as in
 * C: {@code os.semWait(sem)} models {@code sem_wait(sem)}.
 *
 * <p>A {@code sem_t} is only memory: overwritten, or never initialised, it is what its bytes say,
 * on both backends alike. One case is refused rather than followed: a {@code private} field glibc
 * never writes (neither 0 nor 128) would hand the kernel a garbage futex operation when a wait
 * sleeps or a post wakes (on Linux anything may follow, up to glibc aborting the process), so those
 * calls fail with EINVAL first, before anything is stored.
 */
public interface Semaphore {
    /** The name given to sem_open, or {@code null} for a semaphore in a mapping. */
    String name();

    /** The virtual address of the {@code sem_t} in the process that holds this handle. */
    long address();

    /** How the semaphore appears in messages: its quoted name, or its address. */
    default String describe() {
        return name() != null ? PosixException.quote(name()) : "0x" + Long.toHexString(address());
    }
}
