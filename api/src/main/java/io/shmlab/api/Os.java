package io.shmlab.api;

import java.time.Duration;

/**
 * One process's view of the operating system: the calls a C program of the course makes, each
 * modelling one POSIX function (named in its Javadoc). Get one from {@link Machine#spawn()}, or as
 * the argument of {@link Program#main(Os)}.
 *
 * <p>A failed call throws {@link PosixException} with the errno Linux gives; an access to memory the
 * kernel refuses throws a {@link MemoryFault}. An expected non-success is a return value.
 *
 * <p>EINTR: a blocking call interrupted by a signal is retried inside the call (with the same
 * absolute deadline for a timed wait); it never surfaces as an exception. Both backends do the same.
 *
 * <p>Each method names the call it models with {@link Models} (a {@link Syscall}), the one
 * vocabulary the trace, ordered runs and error messages share.
 *
 * <p>A handle belongs to its process: it is used from one thread at a time.
 */
public interface Os {

    /** The process id: models getpid(2). */
    @Models(Syscall.GETPID)
    int pid();

    /** The real user id: models getuid(2). */
    @Models(Syscall.GETUID)
    int uid();

    /**
     * Sets the file mode creation mask and returns the previous one: models umask(2). The mode given
     * to shm_open(3), sem_open(3) and open(2) when they create is masked by it ({@code mode & ~umask});
     * a new simulated process starts with 022, as a login shell gives.
     */
    @Models(Syscall.UMASK)
    int umask(int mask);

    // ---------------------------------------------------------------- shared memory objects

    /**
     * Opens or creates a shared memory object: models shm_open(3).
     *
     * @param name one word starting with a slash, such as {@code "/os_cp"}
     * @param oflag {@link OpenFlags}: O_RDONLY or O_RDWR, with O_CREAT, O_EXCL, O_TRUNC
     * @param mode the permission bits for a new object, such as {@code 0600}
     * @throws PosixException EEXIST, ENOENT, EACCES, EINVAL (a bad name), ...
     */
    @Models(Syscall.SHM_OPEN)
    OpenFile shmOpen(String name, int oflag, int mode);

    /**
     * Removes a shared memory object's name: models shm_unlink(3). The object lives on while it is
     * open or mapped.
     *
     * @throws PosixException ENOENT, EACCES, EINVAL
     */
    @Models(Syscall.SHM_UNLINK)
    void shmUnlink(String name);

    /**
     * Opens or creates a regular file: models open(2). The simulator keeps files in a simulated file
     * system with a page cache; the native backend opens real files.
     */
    @Models(Syscall.OPEN)
    OpenFile open(String path, int oflag, int mode);

    /** Sets the size of an object or file: models ftruncate(2). EINVAL for a negative length. */
    @Models(Syscall.FTRUNCATE)
    void ftruncate(OpenFile file, long length);

    /**
     * Makes sure the bytes {@code [offset, offset + length)} are allocated, growing the object if
     * needed and never shrinking it: models posix_fallocate(3). It returns the error number instead of
     * setting errno in C; here it throws like every other call.
     */
    @Models(Syscall.POSIX_FALLOCATE)
    void posixFallocate(OpenFile file, long offset, long length);

    /** Tells the size, mode and owner of an open object: models fstat(2). */
    @Models(Syscall.FSTAT)
    FileStatus fstat(OpenFile file);

    /** Closes a descriptor: models close(2). Mappings made from it stay valid. EBADF if closed. */
    @Models(Syscall.CLOSE)
    void close(OpenFile file);

    // ---------------------------------------------------------------- mappings

    /**
     * Maps an object into this process's address space: models mmap(2) with a file descriptor.
     *
     * @param length bytes to map (rounded up to pages by the kernel); 0 gives EINVAL
     * @param prot {@link Protection} bits
     * @param flags {@link MapFlags#MAP_SHARED} or {@link MapFlags#MAP_PRIVATE}
     * @param file the descriptor; PROT_WRITE with MAP_SHARED needs it open O_RDWR (else EACCES)
     * @param offset a multiple of the page size (else EINVAL)
     */
    @Models(Syscall.MMAP)
    Mapping mmap(long length, int prot, int flags, OpenFile file, long offset);

    /** Maps zero-filled memory: models mmap(2) with MAP_ANONYMOUS, fd -1 and offset 0. */
    @Models(Syscall.MMAP)
    Mapping mmapAnonymous(long length, int prot, int flags);

    /**
     * Writes a range of a mapping back to its file: models msync(2). {@code offset} is from the start
     * of the mapping and must be page aligned (else EINVAL); flags are {@link SyncFlags}. The checks
     * come in Linux's order: the flags and the start (EINVAL), then the length, rounded up to pages
     * as an unsigned number (0 succeeds), then the range. The range must lie in this mapping's pages,
     * the mapping still mapped, else ENOMEM: where Linux would run on into a neighbouring mapping,
     * both backends answer as if nothing were mapped there, as every access through a
     * {@link Mapping} is held to the mapping itself.
     */
    @Models(Syscall.MSYNC)
    void msync(Mapping mapping, long offset, long length, int flags);

    /** Unmaps a whole mapping: models munmap(2). Accesses through it afterwards are SIGSEGV. */
    @Models(Syscall.MUNMAP)
    void munmap(Mapping mapping);

    /**
     * Unmaps part of a mapping: models munmap(2) of {@code addr + offset} for {@code length} bytes,
     * as a program ported from C may do. The checks are Linux's: the address must be page aligned,
     * the length not 0, and the range inside the user address space (else EINVAL); the length is
     * rounded up to whole pages. The pages of the range that lie in this mapping are unmapped: an
     * access there is SIGSEGV ({@link FaultKind#NOT_MAPPED}), msync over them ENOMEM, and the rest of
     * the mapping keeps working. Where the range runs past the mapping, Linux would unmap whatever
     * lies there too; both backends leave it alone, as if nothing were mapped there (a pointer stays
     * in its own mapping, as for every access through a {@link Mapping}), and succeed, as Linux does
     * for a range with nothing mapped.
     *
     * @throws PosixException EINVAL for an unaligned address, a length of 0, or a range past the top
     *     of the address space
     */
    @Models(Syscall.MUNMAP)
    void munmap(Mapping mapping, long offset, long length);

    /**
     * The mapping of this process that contains a virtual address: what dereferencing a pointer finds.
     * A pointer another process stored in shared memory is meaningless here (its addresses are not
     * ours), which is why the course stores offsets.
     *
     * @throws SegmentationFault when no mapping of this process contains the address
     */
    @Models(Syscall.MAPPING_AT)
    Mapping mappingAt(long address);

    // ---------------------------------------------------------------- semaphores

    /** Opens an existing named semaphore: models sem_open(3) with two arguments. */
    @Models(Syscall.SEM_OPEN)
    Semaphore semOpen(String name, int oflag);

    /**
     * Opens or creates a named semaphore: models sem_open(3) with four arguments. glibc keeps it in
     * the shared memory namespace as {@code sem.NAME}.
     *
     * @param value the initial value; above {@link Limits#SEM_VALUE_MAX} gives EINVAL
     */
    @Models(Syscall.SEM_OPEN)
    Semaphore semOpen(String name, int oflag, int mode, long value);

    /**
     * Closes a named semaphore in this process: models sem_close(3). A semaphore taken from a mapping
     * ({@link #semInit}, {@link #semAt}) gives EINVAL, as glibc answers for a pointer sem_open did not
     * return; it is never compared with the named ones, even where its address, past the end of its
     * mapping, is a named semaphore's (a pointer stays in its own mapping: see {@link Mapping}).
     */
    @Models(Syscall.SEM_CLOSE)
    void semClose(Semaphore sem);

    /** Removes a named semaphore's name: models sem_unlink(3). It lives on while open. */
    @Models(Syscall.SEM_UNLINK)
    void semUnlink(String name);

    /**
     * Initialises a {@code sem_t} inside a mapping: models sem_init(3) on {@code addr + offset}.
     * It overwrites the value, the waiter count and the futex flag there (the first 12 of the
     * {@code sem_t}'s 32 bytes) whatever they held, as glibc does, storing the value first.
     *
     * @param pshared true to share it between processes (the mapping should then be MAP_SHARED)
     * @param value the initial value; above {@link Limits#SEM_VALUE_MAX} gives EINVAL
     */
    @Models(Syscall.SEM_INIT)
    Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value);

    /**
     * A pointer to the {@code sem_t} at {@code addr + offset}, such as C's {@code &data->sem}: no call
     * is made and nothing is checked until it is used.
     */
    @NoSystemCall("a pointer, as C's &data->sem: nothing is called")
    Semaphore semAt(Mapping mapping, long offset);

    /** Destroys a semaphore made by sem_init: models sem_destroy(3). */
    @Models(Syscall.SEM_DESTROY)
    void semDestroy(Semaphore sem);

    /** Decrements, waiting while the value is zero: models sem_wait(3). */
    @Models(Syscall.SEM_WAIT)
    void semWait(Semaphore sem);

    /** Decrements if the value is positive: models sem_trywait(3). False where C gets EAGAIN. */
    @Models(Syscall.SEM_TRYWAIT)
    boolean semTrywait(Semaphore sem);

    /**
     * Decrements, waiting at most until an absolute CLOCK_REALTIME time: models sem_timedwait(3).
     * False where C gets ETIMEDOUT; a nanosecond field outside [0, 1e9) gives EINVAL, as glibc 2.36
     * checks it before anything else.
     */
    @Models(Syscall.SEM_TIMEDWAIT)
    boolean semTimedwait(Semaphore sem, Timespec deadline);

    /** Increments, waking a waiter: models sem_post(3). EOVERFLOW at {@link Limits#SEM_VALUE_MAX}. */
    @Models(Syscall.SEM_POST)
    void semPost(Semaphore sem);

    /** The value: models sem_getvalue(3). On Linux it is 0, never negative, while there are waiters. */
    @Models(Syscall.SEM_GETVALUE)
    int semGetvalue(Semaphore sem);

    // ---------------------------------------------------------------- process

    /** The current CLOCK_REALTIME time: models clock_gettime(2). Virtual in the simulator. */
    @Models(Syscall.CLOCK_GETTIME)
    Timespec clockGettime();

    /** Sleeps: models nanosleep(2). In the simulator only the virtual clock moves. */
    @Models(Syscall.NANOSLEEP)
    void sleep(Duration duration);

    /** Writes text to the process's standard output: models write(2) on descriptor 1. */
    @Models(Syscall.WRITE)
    void print(String text);

    /** Writes text and a newline to the standard output. */
    @Models(Syscall.WRITE)
    default void println(String text) {
        print(text + "\n");
    }

    /** Reads a line of standard input, without its newline; {@code null} at end of input. */
    @Models(Syscall.READ)
    String readLine();

    /**
     * Starts a child process running {@code child}: models fork(2), the child going on with its own
     * program. The child has this process's mappings at the same addresses (shared ones shared,
     * private ones copy-on-write) and copies of its descriptors.
     *
     * @return the child's pid
     * @throws PosixException ENOSYS on a backend that cannot fork (the native one: a JVM cannot)
     */
    @Models(Syscall.FORK)
    int fork(Program child);

    /**
     * Waits for a child to end: models waitpid(2).
     *
     * @return the child's exit status, or 128 + the signal number if a signal ended it
     * @throws PosixException ECHILD when the pid is not a child of this process
     */
    @Models(Syscall.WAITPID)
    int waitpid(int pid);
}
