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
 * <p>Of the semaphores, glibc makes sem_open, sem_close and sem_unlink; the rest is made in Java
 * ({@link SemaphoreProtocol}), with the futex system call made here.
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
    /** {@code MADV_POPULATE_READ} of madvise(2) (Linux 5.14). */
    static final int MADV_POPULATE_READ = 22;
    /** {@code MADV_POPULATE_WRITE} of madvise(2) (Linux 5.14). */
    static final int MADV_POPULATE_WRITE = 23;

    private static final int EINTR = Errno.EINTR.number();
    private static final int EAGAIN = Errno.EAGAIN.number();
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.number();
    private static final int EINVAL = Errno.EINVAL.number();
    private static final int EFAULT = Errno.EFAULT.number();

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

    /**
     * Faults in the pages of {@code [address, address + length)} as a load (or a store) would, without
     * touching their bytes: madvise(2) with MADV_POPULATE_READ (or MADV_POPULATE_WRITE), Linux 5.14 and
     * later. Returns 0, or the error: EFAULT where the access would have raised SIGBUS (a page past the
     * end of its file, or one the file system has no space to allocate), EINVAL on a kernel that does
     * not know the advice. Not a call any {@link io.shmlab.api.Os} method models, so a failure is a
     * number here, for the caller to translate.
     */
    int populate(long address, long length, boolean write) {
        int advice = write ? MADV_POPULATE_WRITE : MADV_POPULATE_READ;
        return untilNotInterrupted(() -> libc.madvise(address, length, advice) == 0 ? 0 : lastErrno.getAsInt());
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

    /**
     * futex(2) FUTEX_WAIT on the 32-bit {@code word}, expecting {@code expected}, with the absolute
     * {@link TimespecLayout} at {@code deadline} (0: no deadline). A wait a signal interrupts (EINTR)
     * is made again with the same deadline: still counted as a waiter, the caller loses nothing
     * against glibc, whose sem_wait returns EINTR and is called again.
     *
     * @throws PosixException an error glibc does not expect of a futex wait (it would abort)
     */
    Futex.Wait futexWait(long word, int expected, int operation, long deadline) {
        int error = untilNotInterrupted(() -> libc.syscall(Futex.SYS_FUTEX, word, operation, expected, deadline, 0,
                Futex.BITSET_MATCH_ANY) == 0 ? 0 : lastErrno.getAsInt());
        if (error == 0) {
            return Futex.Wait.WOKEN;
        } else if (error == EAGAIN) {
            return Futex.Wait.VALUE_CHANGED;
        } else if (error == ETIMEDOUT) {
            return Futex.Wait.TIMED_OUT;
        } else if (error == EINVAL) {
            return Futex.Wait.REFUSED;
        } else if (error == EFAULT) {
            return Futex.Wait.PAGE_GONE;
        }
        throw new PosixException(error, "futex", "FUTEX_WAIT_BITSET 0x" + Long.toHexString(word));
    }

    /**
     * futex(2) FUTEX_WAKE of up to {@code count} waiters on {@code word}. As glibc's futex_wake, it
     * ignores EFAULT (the memory went) and EINVAL (a misaligned word): the post itself is done.
     */
    void futexWake(long word, int count, int operation) {
        if (libc.syscall(Futex.SYS_FUTEX, word, operation, count, 0, 0, 0) >= 0) {
            return;
        }
        int error = lastErrno.getAsInt();
        if (error != EFAULT && error != EINVAL) {
            throw new PosixException(error, "futex", "FUTEX_WAKE 0x" + Long.toHexString(word));
        }
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
