package io.shmlab.sim.sem;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.PosixException;
import io.shmlab.api.layout.SemT;
import io.shmlab.api.Semaphore;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.KernelProcess;


/**
 * The unnamed-semaphore operations as glibc 2.36 implements them on x86_64 (nptl/sem_init.c,
 * sem_waitcommon.c, sem_post.c, sem_getvalue.c, sem_destroy.c), on the {@code sem_t} in the caller's
 * memory ({@link SemT}):
 *
 * <ul>
 *   <li>sem_init stores {@code data = value} (so the waiter count becomes 0, whoever was waiting)
 *       and {@code private};</li>
 *   <li>wait's fast path decrements the value with a CAS when it is positive; its slow path adds
 *       one to the waiter count, then loops: while the value is 0 it sleeps on the futex of the value
 *       word, otherwise it tries to decrement the value and the waiter count together; on a timeout or
 *       an interruption it takes itself off the count and fails;</li>
 *   <li>post loads {@code private}, then fails with EOVERFLOW at SEM_VALUE_MAX, increments the value
 *       with a CAS, and wakes one waiter only when the waiter count it saw was not 0;</li>
 *   <li>getvalue reads the value (0 while there are waiters, never negative);</li>
 *   <li>destroy does nothing.</li>
 * </ul>
 * Nothing else decides who wakes: the seed's Exercise 5 lost wakeup (a sem_init over a semaphore
 * another process already waits on zeroes the waiter count, so later posts wake nobody) follows from
 * these steps alone. Misuse is reported to the {@link SemaphoreRegistry} without changing any
 * outcome.
 *
 * <p>Every method runs inside a system call of the caller (between enter and exit).
 */
public final class GlibcSemaphore {
    /** What a wait ended in. */
    public enum WaitResult {
        /** The value was decremented. */
        ACQUIRED("0"),
        /** sem_trywait found 0 (EAGAIN). */
        WOULD_BLOCK("-1 EAGAIN"),
        /** sem_timedwait passed its deadline (ETIMEDOUT). */
        TIMED_OUT("-1 ETIMEDOUT"),
        /** A signal interrupted the wait (EINTR). */
        INTERRUPTED("-1 EINTR");

        private final String returned;

        WaitResult(String returned) {
            this.returned = returned;
        }

        /** What the C call returns, as a trace shows it: {@code 0}, or {@code -1} and the errno. */
        @Override
        public String toString() {
            return returned;
        }
    }

    /** How long a spinning waiter gives the processor away per turn. */
    private static final long SPIN_PAUSE_NANOS = 100_000;

    private final SemaphoreRegistry registry;
    private final java.util.Set<Long> spinners = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public GlibcSemaphore(SemaphoreRegistry registry) {
        this.registry = registry;
    }

    /**
     * Models sem_init(3): the value is checked, then {@code data} stored, then {@code private} (so a
     * {@code sem_t} with only {@code data} inside its mapping gets its value, then faults).
     */
    public void init(KernelProcess caller, Semaphore sem, boolean pshared, long value) {
        long address = sem.address();
        if (value < 0 || value > Limits.SEM_VALUE_MAX) {
            throw new PosixException(Errno.EINVAL, "sem_init", hex(address) + ", " + (pshared ? 1 : 0) + ", " + value);
        }
        SemaphoreCell cell = SemaphoreCell.of(caller, sem);
        // glibc only stores: the look at the old waiter count must not fault or touch a page
        long waiters = SemT.waiters(cell.peekData());
        if (waiters > 0) {
            registry.report(caller, "sem_init(" + hex(address) + ") over a semaphore with " + waiters
                    + " waiter(s): the waiter count is reset to 0, so posts will not wake them");
        }
        cell.storeData(value);
        cell.storePrivate(pshared ? SemT.FUTEX_SHARED : SemT.FUTEX_PRIVATE);
        registry.initialised(cell);
    }

    /** Models sem_destroy(3): glibc does nothing; misuse is reported. */
    public void destroy(KernelProcess caller, Semaphore sem) {
        long address = sem.address();
        // glibc's sem_destroy touches nothing: the look at the waiter count must not fault either
        SemaphoreCell cell = SemaphoreCell.of(caller, sem);
        long waiters = SemT.waiters(cell.peekData());
        if (waiters > 0) {
            registry.report(caller, "sem_destroy(" + hex(address) + ") of a semaphore with " + waiters
                    + " waiter(s)");
        }
        registry.destroyed(cell.location());
    }

    /**
     * Models sem_wait(3) ({@code deadline} = {@link Long#MAX_VALUE}), sem_timedwait(3) (an absolute
     * CLOCK_REALTIME deadline in nanoseconds, already validated) and sem_trywait(3) ({@code tryOnly}).
     */
    public WaitResult wait(KernelProcess caller, Semaphore sem, boolean tryOnly, long deadline, String call) {
        SemaphoreCell cell = SemaphoreCell.of(caller, sem);
        registry.checkUse(caller, cell, call);
        if (tryFastPath(cell, tryOnly)) {
            return WaitResult.ACQUIRED;
        }
        if (tryOnly) {
            return WaitResult.WOULD_BLOCK;
        }
        return slowPath(caller, cell, deadline);
    }

    /**
     * __new_sem_wait_fast: decrement a positive value; retried on contention only when definitive.
     * Told as a change of the count down when it succeeds, as a read of {@code data} when it finds 0.
     */
    private static boolean tryFastPath(SemaphoreCell semaphore, boolean definitive) {
        SemaphoreCell cell = semaphore.counting();
        long d = cell.loadData();
        do {
            if (SemT.value(d) == 0) {
                cell.tellData(Access.READ);
                return false;
            }
            long found = cell.compareAndExchangeData(d, d - 1);
            if (found == d) {
                cell.tellCount(false, d);
                return true;
            }
            d = found;
        } while (definitive);
        cell.tellData(Access.WRITE);
        return false;
    }

    /**
     * __new_sem_wait_slow64: register as a waiter, sleep while the value is 0, then take a token. The
     * count is raised before {@code private} is read for the futex call, so a {@code private} outside
     * the mapping faults after that store, as in glibc.
     */
    private WaitResult slowPath(KernelProcess caller, SemaphoreCell cell, long deadline) {
        long d = cell.getAndAddData(SemT.ONE_WAITER);
        while (true) {
            if (SemT.value(d) == 0) {
                if (!validFutexFlag(cell.loadPrivate())) {
                    cell.getAndAddData(-SemT.ONE_WAITER);
                    checkFutexFlag(cell, deadline == Long.MAX_VALUE ? "sem_wait" : "sem_timedwait");
                }
                Dispatcher.Wake wake = futexWaitOnZero(caller, cell, deadline);
                if (wake == Dispatcher.Wake.TIMED_OUT || wake == Dispatcher.Wake.INTERRUPTED) {
                    cell.getAndAddData(-SemT.ONE_WAITER);
                    return wake == Dispatcher.Wake.TIMED_OUT ? WaitResult.TIMED_OUT : WaitResult.INTERRUPTED;
                }
                d = cell.loadData();
            } else {
                long next = d - 1 - SemT.ONE_WAITER;
                long found = cell.compareAndExchangeData(d, next);
                if (found == d) {
                    return WaitResult.ACQUIRED;
                }
                d = found;
            }
        }
    }

    /**
     * futex_wait(&value, 0): the kernel compares the word with 0 and sleeps only if it still is (else
     * it returns EAGAIN at once, shown here as an early WOKEN so the caller reloads).
     */
    private Dispatcher.Wake futexWaitOnZero(KernelProcess caller, SemaphoreCell cell, long deadline) {
        FutexKey key = cell.futexKey();
        if (cell.loadValueWord() != 0) {
            return Dispatcher.Wake.WOKEN;
        }
        if (!cell.futexAligned()) {
            return spinOnMisalignedWord(caller, cell);
        }
        if (deadline != Long.MAX_VALUE && deadline < 0) {
            return Dispatcher.Wake.TIMED_OUT;
        }
        return caller.kernel().processes().futexWait(caller, key, deadline);
    }

    /**
     * Models sem_post(3): glibc loads {@code private} first, then {@code data}. Told as a change of
     * the count up when it succeeds, as a read of {@code data} when it fails; the wake of a waiter
     * touches the futex besides.
     */
    public void post(KernelProcess caller, Semaphore sem) {
        long address = sem.address();
        SemaphoreCell cell = SemaphoreCell.of(caller, sem).counting();
        registry.checkUse(caller, cell, "sem_post");
        int flag = cell.loadPrivate();
        long d = cell.loadData();
        while (true) {
            if (SemT.value(d) == Limits.SEM_VALUE_MAX) {
                cell.tellData(Access.READ);
                throw new PosixException(Errno.EOVERFLOW, "sem_post", hex(address));
            }
            if (SemT.waiters(d) > 0 && !validFutexFlag(flag)) {
                cell.tellData(Access.READ);
                checkFutexFlag(cell, "sem_post"); // it would wake a waiter
            }
            long found = cell.compareAndExchangeData(d, d + 1);
            if (found == d) {
                cell.tellCount(true, d);
                break;
            }
            d = found;
        }
        if (SemT.waiters(d) > 0) {
            if (cell.futexAligned()) {
                caller.kernel().futexes().wake(caller.pid(), cell.futexKey(), 1);
            }
            // else futex_wake is EINVAL, which glibc ignores: the waiters spin and see the value
        }
    }

    /**
     * Checks {@code private} before a futex call is made with it: glibc only ever stores
     * {@link SemT#FUTEX_PRIVATE} or {@link SemT#FUTEX_SHARED} there and
     * XORs it into the futex operation, so anything else (a {@code sem_t} overwritten, or never
     * initialised) hands the kernel a garbage operation, with any outcome up to glibc aborting the
     * process. Both backends refuse it with EINVAL instead, before anything is stored; the load of
     * the field faults as glibc's would.
     */
    private static void checkFutexFlag(SemaphoreCell cell, String call) {
        int flag = cell.loadPrivate();
        if (!validFutexFlag(flag)) {
            throw new PosixException(Errno.EINVAL, call, hex(cell.address()) + ", futex flag " + flag);
        }
    }

    private static boolean validFutexFlag(int flag) {
        return flag == SemT.FUTEX_PRIVATE || flag == SemT.FUTEX_SHARED;
    }

    /** Models sem_getvalue(3). */
    public int getValue(KernelProcess caller, Semaphore sem) {
        SemaphoreCell cell = SemaphoreCell.of(caller, sem);
        registry.checkUse(caller, cell, "sem_getvalue");
        return (int) SemT.value(cell.loadData());
    }

    /** Writes a fresh semaphore into memory without the misuse checks: the content of sem_open's file. */
    void initialiseFresh(KernelProcess caller, long address, long value) {
        SemaphoreCell cell = SemaphoreCell.at(caller, address);
        cell.storeData(value);
        cell.storePrivate(SemT.FUTEX_SHARED);
        registry.initialised(cell);
    }

    /**
     * The kernel refuses a futex on a word that is not 4-byte aligned (EINVAL), and glibc's wait loop
     * treats EINVAL like EAGAIN: it reloads and calls futex again, so the waiter spins until the value
     * is positive, whatever its deadline (a misaligned sem_timedwait never times out on Linux). Each
     * turn of the spin gives the processor away briefly, so the spinner is running, never blocked.
     */
    private Dispatcher.Wake spinOnMisalignedWord(KernelProcess caller, SemaphoreCell cell) {
        if (spinners.add(cell.address())) {
            registry.report(caller, "sem_t at " + hex(cell.address()) + " is not 4-byte aligned: futex says EINVAL, "
                    + "so glibc spins instead of sleeping");
        }
        caller.kernel().processes().futexWait(caller, new FutexKey(caller.space().id(), cell.address(), false),
                caller.kernel().dispatcher().now() + SPIN_PAUSE_NANOS);
        caller.checkPendingSignal();
        return Dispatcher.Wake.WOKEN;
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
