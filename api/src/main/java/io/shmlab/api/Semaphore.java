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
 *
 * <p>Each call touches only the fields glibc 2.36's touches, in glibc's order, each access checked
 * as any access through a {@link Mapping}: {@code data} (bytes 0 to 7: the value and the waiter
 * count) and {@code private} (bytes 8 to 11: the futex flag). sem_init stores {@code data}, then
 * {@code private}; sem_post loads {@code private}, then {@code data}; the waits and sem_getvalue
 * load {@code data}, and a wait that must sleep adds itself to the waiter count before it loads
 * {@code private}; sem_destroy touches nothing. So a {@code sem_t} whose unused tail lies past its
 * mapping works, and one whose {@code private} lies past it may fault after a store, as in C.
 *
 * <p>A named semaphore's file ({@code sem.NAME}) may be cut under an open semaphore: by sem_open or
 * shm_open with O_TRUNC, by ftruncate, or by another process. The next call is then a
 * {@link BusError}, as C gets SIGBUS, on both backends. On the native backend one race is left, as
 * for any mapping of an object another process may cut: a cut made by another process after the
 * call's check and before its access, or, without {@code -Dshmlab.native.checkSemaphoreFiles=true},
 * at any time since this JVM last looked at the file's size, is a real SIGBUS in Java code, which
 * HotSpot 17 does not always survive (see the README, "Native semaphores").
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
