package io.shmlab.libc;

import io.shmlab.api.Errno;
import io.shmlab.libc.GlibcLoader.LibC;
import io.shmlab.api.PosixException;
import io.shmlab.api.Syscall;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one boundary between Java and glibc: every call of {@link LibC} goes through here, and here
 * alone a failure (-1, MAP_FAILED, SEM_FAILED, or an error number returned) becomes a
 * {@link PosixException} carrying errno, the call and its argument.
 *
 * <p>A call the {@link io.shmlab.api.Os} models is named by its {@link Syscall}; the few glibc
 * functions underneath that no {@code Os} method models (fcntl, kill, clock_nanosleep) by their own
 * C names.
 *
 * <p>EINTR is handled in one place, {@link #untilNotInterrupted}: a blocking call that a signal
 * interrupts is made again with the same arguments, so a timed wait keeps its absolute deadline and a
 * sleep its absolute wake-up time. EINTR never leaves this class.
 *
 * <p>The semaphore hot path (sem_post, sem_wait, sem_trywait) first calls the {@code fast_*} binding,
 * which does not save errno; only when it fails is the call repeated through the saving binding. A
 * failed call of these three changes nothing, so the repeat gives the same answer (or, for a wait, is
 * the retry a caller would make anyway).
 */
final class CheckedLibC {
    private static final Logger LOG = LoggerFactory.getLogger(CheckedLibC.class);

    /** {@code MAP_FAILED}, {@code (void *) -1}. */
    static final long MAP_FAILED = -1L;
    /** {@code SEM_FAILED}, {@code (sem_t *) 0} in glibc. */
    static final long SEM_FAILED = 0L;
    /** {@code F_DUPFD_CLOEXEC} of fcntl(2). */
    static final int F_DUPFD_CLOEXEC = 1030;
    /** {@code CLOCK_REALTIME}. */
    static final int CLOCK_REALTIME = 0;
    /** {@code CLOCK_MONOTONIC}. */
    static final int CLOCK_MONOTONIC = 1;
    /** {@code TIMER_ABSTIME} of clock_nanosleep(2). */
    static final int TIMER_ABSTIME = 1;

    private static final int EINTR = Errno.EINTR.number();
    private static final int EAGAIN = Errno.EAGAIN.number();
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.number();

    /** One attempt at a call: 0 when it succeeded, else the error number it failed with. */
    @FunctionalInterface
    interface Attempt {
        int errno();
    }

    private final LibC libc;
    private final IntSupplier lastErrno;

    /**
     * @param libc the bound functions
     * @param lastErrno errno as saved right after the last call of this thread
     */
    CheckedLibC(LibC libc, IntSupplier lastErrno) {
        this.libc = libc;
        this.lastErrno = lastErrno;
    }

    // ------------------------------------------------------------------ files and shared memory

    int shmOpen(String name, int oflag, int mode) {
        int fd = libc.shm_open(name, oflag, mode);
        if (fd < 0) {
            throw failed(Syscall.SHM_OPEN, PosixException.quote(name));
        }
        return fd;
    }

    void shmUnlink(String name) {
        check(libc.shm_unlink(name), Syscall.SHM_UNLINK, PosixException.quote(name));
    }

    int open(String path, int oflag, int mode) {
        int fd = libc.open(path, oflag, mode);
        if (fd < 0) {
            throw failed(Syscall.OPEN, PosixException.quote(path));
        }
        return fd;
    }

    void close(int fd, String argument) {
        // close(2) is not retried on EINTR: on Linux the descriptor is gone whatever it returns.
        check(libc.close(fd), Syscall.CLOSE, argument);
    }

    /** A close-on-exec duplicate of {@code fd} numbered {@code lowest} or above: fcntl(F_DUPFD_CLOEXEC). */
    int duplicate(int fd, int lowest, String argument) {
        int copy = libc.fcntl(fd, F_DUPFD_CLOEXEC, lowest);
        if (copy < 0) {
            throw failed("fcntl", argument);
        }
        return copy;
    }

    void ftruncate(int fd, long length, String argument) {
        check(libc.ftruncate(fd, length), Syscall.FTRUNCATE, argument);
    }

    void posixFallocate(int fd, long offset, long length, String argument) {
        int error = untilNotInterrupted(() -> libc.posix_fallocate(fd, offset, length));
        if (error != 0) {
            throw new PosixException(error, Syscall.POSIX_FALLOCATE, argument);
        }
    }

    /** fstat(2) into the {@link StatLayout} at {@code buffer}. */
    void fstat(int fd, long buffer, String argument) {
        check(libc.fstat(fd, buffer), Syscall.FSTAT, argument);
    }

    long mmap(long length, int prot, int flags, int fd, long offset, String argument) {
        long address = libc.mmap(null, length, prot, flags, fd, offset);
        if (address == MAP_FAILED) {
            throw failed(Syscall.MMAP, argument);
        }
        return address;
    }

    void munmap(long address, long length, String argument) {
        check(libc.munmap(address, length), Syscall.MUNMAP, argument);
    }

    void msync(long address, long length, int flags, String argument) {
        check(libc.msync(address, length, flags), Syscall.MSYNC, argument);
    }

    // ------------------------------------------------------------------ semaphores

    long semOpen(String name, int oflag, int mode, int value) {
        long sem = libc.sem_open(name, oflag, mode, value);
        if (sem == SEM_FAILED) {
            throw failed(Syscall.SEM_OPEN, PosixException.quote(name));
        }
        return sem;
    }

    void semClose(long sem, String argument) {
        check(libc.sem_close(sem), Syscall.SEM_CLOSE, argument);
    }

    void semUnlink(String name) {
        check(libc.sem_unlink(name), Syscall.SEM_UNLINK, PosixException.quote(name));
    }

    void semInit(long sem, int pshared, int value, String argument) {
        check(libc.sem_init(sem, pshared, value), Syscall.SEM_INIT, argument);
    }

    void semDestroy(long sem, String argument) {
        check(libc.sem_destroy(sem), Syscall.SEM_DESTROY, argument);
    }

    void semWait(long sem, String argument) {
        if (libc.fast_sem_wait(sem) == 0) {
            return;
        }
        int error = untilNotInterrupted(() -> libc.sem_wait(sem) == 0 ? 0 : lastErrno.getAsInt());
        if (error != 0) {
            throw new PosixException(error, Syscall.SEM_WAIT, argument);
        }
    }

    /** False where C gets EAGAIN. */
    boolean semTrywait(long sem, String argument) {
        if (libc.fast_sem_trywait(sem) == 0) {
            return true;
        }
        int error = untilNotInterrupted(() -> libc.sem_trywait(sem) == 0 ? 0 : lastErrno.getAsInt());
        if (error == 0) {
            return true;
        }
        if (error == EAGAIN) {
            return false;
        }
        throw new PosixException(error, Syscall.SEM_TRYWAIT, argument);
    }

    /** False where C gets ETIMEDOUT; the deadline is the {@link TimespecLayout} at {@code deadline}. */
    boolean semTimedwait(long sem, long deadline, String argument) {
        int error = untilNotInterrupted(() -> libc.sem_timedwait(sem, deadline) == 0 ? 0 : lastErrno.getAsInt());
        if (error == 0) {
            return true;
        }
        if (error == ETIMEDOUT) {
            return false;
        }
        throw new PosixException(error, Syscall.SEM_TIMEDWAIT, argument);
    }

    void semPost(long sem, String argument) {
        if (libc.fast_sem_post(sem) == 0) {
            return;
        }
        check(libc.sem_post(sem), Syscall.SEM_POST, argument);
    }

    /** sem_getvalue(3), using the int at {@code valueOut}. */
    int semGetvalue(long sem, long valueOut, String argument) {
        check(libc.sem_getvalue(sem, valueOut), Syscall.SEM_GETVALUE, argument);
        return NativeMemory.getInt(valueOut);
    }

    // ------------------------------------------------------------------ process

    int getpid() {
        return libc.getpid();
    }

    /** Sends a signal to a process: kill(2). */
    void kill(int pid, int signal) {
        check(libc.kill(pid, signal), "kill", pid + ", " + signal);
    }

    int getuid() {
        return libc.getuid();
    }

    /** The version of glibc: gnu_get_libc_version(3). */
    String glibcVersion() {
        return libc.gnu_get_libc_version();
    }

    /** umask(2): sets the process's creation mask, returns the previous one; cannot fail. */
    int umask(int mask) {
        return libc.umask(mask);
    }

    /** clock_gettime(2) into the {@link TimespecLayout} at {@code timespec}. */
    void clockGettime(int clock, long timespec) {
        check(libc.clock_gettime(clock, timespec), Syscall.CLOCK_GETTIME, null);
    }

    /** Sleeps until the absolute time at {@code deadline} on {@code clock}: clock_nanosleep(2). */
    void sleepUntil(int clock, long deadline) {
        int error = untilNotInterrupted(() -> libc.clock_nanosleep(clock, TIMER_ABSTIME, deadline, 0L));
        if (error != 0) {
            throw new PosixException(error, "clock_nanosleep", null);
        }
    }

    // ------------------------------------------------------------------ the boundary

    /**
     * Makes the attempt until it fails with something other than EINTR; returns 0 or that error. The
     * one place EINTR is handled.
     */
    static int untilNotInterrupted(Attempt attempt) {
        int error;
        while ((error = attempt.errno()) == EINTR) {
            LOG.debug("interrupted by a signal (EINTR); making the call again");
        }
        return error;
    }

    private void check(int result, Syscall call, String argument) {
        check(result, call.cName(), argument);
    }

    private void check(int result, String call, String argument) {
        if (result != 0) {
            throw failed(call, argument);
        }
    }

    private PosixException failed(Syscall call, String argument) {
        return failed(call.cName(), argument);
    }

    private PosixException failed(String call, String argument) {
        return new PosixException(lastErrno.getAsInt(), call, argument);
    }
}
