package io.shmlab.libc;

import io.shmlab.api.layout.SemT;
import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.PosixException;
import io.shmlab.api.Timespec;

/**
 * glibc 2.36's operations on a {@code sem_t} (x86_64, 64-bit atomics: nptl/sem_init.c, sem_post.c,
 * sem_waitcommon.c, sem_getvalue.c), made in Java on the same words with the same atomic
 * instructions, and the futex system call made directly ({@link Futex}). A C process on the same
 * semaphore sees exactly what it would see from another C process; and glibc never touches the
 * semaphore's page, so a page another process cut from under it is a SIGBUS taken by Java code
 * (see {@link NativeSemaphore}), never by glibc.
 *
 * <p>Each operation makes glibc's accesses in glibc's order (read from its machine code and measured
 * with a {@code sem_t} at each offset near the end of a mapping), which decides what a {@code sem_t}
 * only partly inside its mapping or object does:
 * <ul>
 *   <li>sem_init: checks the value, stores {@code data}, then {@code private} (so with only
 *       {@code data} inside, it stores the value and then faults);</li>
 *   <li>sem_post: loads {@code private}, then {@code data}; EOVERFLOW at SEM_VALUE_MAX; adds one with
 *       a compare-and-swap; wakes one waiter if the waiter count it replaced was not 0;</li>
 *   <li>sem_wait, sem_trywait, sem_timedwait: the fast path loads {@code data} and takes a token with a
 *       compare-and-swap (sem_trywait retries while the value is positive, the waits try once);
 *       sem_trywait gives up there; the slow path adds one to the waiter count, and
 *       while the value is 0 loads {@code private} and sleeps on the futex (so it stores, then may
 *       fault), else takes a token and leaves the count with one compare-and-swap; on a timeout it
 *       takes itself off the count;</li>
 *   <li>sem_getvalue loads {@code data}; sem_destroy touches nothing.</li>
 * </ul>
 *
 * <p>Where glibc would hand the kernel a garbage futex operation ({@code private} other than 0 or
 * 128: a {@code sem_t} overwritten, or never initialised; glibc may abort the process), both backends
 * refuse with EINVAL, having stored nothing: a wait takes itself off the count it had just raised.
 */
final class SemaphoreProtocol {
    /** One waiter, as added to {@code data}. */
    private static final long ONE_WAITER = 1L << SemT.NWAITERS_SHIFT;

    private final CheckedLibC libc;
    private final SemaphoreSpin spin;
    private final MappedObjects filesToAsk;

    /**
     * @param filesToAsk where to ask a file's size again after each sleep (the file may have been cut
     *     meanwhile), or null not to ask ({@link NativeSettings#CHECK_SEMAPHORE_FILES})
     */
    SemaphoreProtocol(CheckedLibC libc, SemaphoreSpin spin, MappedObjects filesToAsk) {
        this.libc = libc;
        this.spin = spin;
        this.filesToAsk = filesToAsk;
    }

    private static long value(long data) {
        return data & SemT.VALUE_MASK;
    }

    private static long waiters(long data) {
        return data >>> SemT.NWAITERS_SHIFT;
    }

    /** __new_sem_init, for a value already checked: {@code data}, then {@code private}. */
    void init(NativeSemaphore sem, boolean pshared, int value) {
        sem.storeData(Integer.toUnsignedLong(value));
        sem.storePrivate(pshared ? SemT.FUTEX_SHARED : SemT.FUTEX_PRIVATE);
    }

    /** __new_sem_getvalue: the value half of {@code data}. */
    int getValue(NativeSemaphore sem) {
        return (int) value(sem.loadData());
    }

    /** __new_sem_post. */
    void post(NativeSemaphore sem) {
        int flag = sem.loadPrivate();
        long d = sem.loadData();
        while (true) {
            if (value(d) == Limits.SEM_VALUE_MAX) {
                throw new PosixException(Errno.EOVERFLOW, "sem_post", sem.description());
            }
            if (waiters(d) != 0) {
                checkFutexFlag(sem, flag, "sem_post"); // it will wake a waiter
            }
            if (sem.compareAndSetData(d, d + 1)) {
                break;
            }
            d = sem.loadData();
        }
        if (waiters(d) != 0) {
            libc.futexWake(sem.futexWord(), 1, Futex.wakeOperation(flag));
        }
    }

    /**
     * __new_sem_wait_fast: takes a token while the value is positive; a lost compare-and-swap is
     * retried only when {@code definitive} (sem_trywait), else left to the slow path (sem_wait,
     * sem_timedwait). All
     * of sem_trywait, which gives up (EAGAIN) where this returns false.
     */
    boolean tryFastPath(NativeSemaphore sem, boolean definitive) {
        long d = sem.loadData();
        do {
            if (value(d) == 0) {
                return false;
            }
            if (sem.compareAndSetData(d, d - 1)) {
                return true;
            }
            d = sem.loadData();
        } while (definitive);
        return false;
    }

    /** The api's spin before a wait sleeps ({@link SemaphoreSpin}): true when it took a token. */
    boolean spin(NativeSemaphore sem) {
        return spin.spinToDecrement(sem);
    }

    /**
     * __new_sem_wait_slow64: sleeps until a token is taken (true) or the deadline passes (false).
     *
     * @param deadline the absolute CLOCK_REALTIME deadline, already validated, or null for sem_wait
     * @param timespec native memory for the deadline's {@link TimespecLayout}
     */
    boolean sleepUntilTaken(NativeSemaphore sem, Timespec deadline, long timespec, String call) {
        long d = sem.getAndAddData(ONE_WAITER);
        while (true) {
            if (value(d) != 0) {
                if (sem.compareAndSetData(d, d - 1 - ONE_WAITER)) {
                    return true;
                }
                d = sem.loadData();
                continue;
            }
            int flag = sem.loadPrivate();
            if (!validFutexFlag(flag)) {
                sem.getAndAddData(-ONE_WAITER);
                checkFutexFlag(sem, flag, call);
            }
            Futex.Wait outcome = futexWait(sem, flag, deadline, timespec);
            if (outcome == Futex.Wait.TIMED_OUT) {
                sem.getAndAddData(-ONE_WAITER);
                return false;
            }
            if (outcome == Futex.Wait.PAGE_GONE) {
                throw sem.pageGone(null, SemT.DATA_OFFSET, Access.READ);
            }
            if (filesToAsk != null) {
                sem.askFileSize(filesToAsk);
            }
            d = sem.loadData(); // woken, the value changed, or a misaligned word (glibc spins)
        }
    }

    /**
     * do_futex_wait: sleeps while the value word is 0. A deadline before the epoch is ETIMEDOUT
     * without a system call, as glibc's futex wrapper answers (the kernel would refuse it).
     */
    private Futex.Wait futexWait(NativeSemaphore sem, int flag, Timespec deadline, long timespec) {
        long timeout = 0;
        if (deadline != null) {
            if (deadline.seconds() < 0) {
                return Futex.Wait.TIMED_OUT;
            }
            TimespecLayout.put(timespec, deadline);
            timeout = timespec;
        }
        return libc.futexWait(sem.futexWord(), 0, Futex.waitOperation(flag), timeout);
    }

    private static boolean validFutexFlag(int flag) {
        return flag == SemT.FUTEX_PRIVATE || flag == SemT.FUTEX_SHARED;
    }

    /** EINVAL for a futex flag glibc never writes (see the class comment). */
    private static void checkFutexFlag(NativeSemaphore sem, int flag, String call) {
        if (!validFutexFlag(flag)) {
            throw new PosixException(Errno.EINVAL, call, sem.description() + ", futex flag " + flag);
        }
    }
}
