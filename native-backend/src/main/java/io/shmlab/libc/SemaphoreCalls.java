package io.shmlab.libc;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Timespec;
import io.shmlab.api.layout.SemT;

/**
 * The semaphore calls of {@link NativeOs}: sem_open(3), sem_close(3), sem_unlink(3), sem_init(3),
 * sem_destroy(3), sem_wait(3), sem_trywait(3), sem_timedwait(3), sem_post(3) and sem_getvalue(3),
 * each made in glibc after the checks that keep the JVM alive (see {@link NativeSemaphore}).
 *
 * <p>sem_post, sem_wait, sem_trywait and sem_timedwait first try glibc's own uncontended fast path in
 * Java, and the two waits spin a little before glibc sleeps ({@link SemaphoreFastPath}); glibc is
 * called whenever that does not settle it.
 */
final class SemaphoreCalls {
    /** What C converts an out-of-range {@code unsigned int} semaphore value to: above SEM_VALUE_MAX. */
    private static final int UNREPRESENTABLE_VALUE = -1;

    private final ThisProcess process;
    private final CheckedLibC libc;
    private final ScratchMemory scratch;
    private final SemaphoreFastPath fastPath;

    SemaphoreCalls(ThisProcess process, CheckedLibC libc, ScratchMemory scratch, SemaphoreFastPath fastPath) {
        this.process = process;
        this.libc = libc;
        this.scratch = scratch;
        this.fastPath = fastPath;
    }

    public Semaphore semOpen(String name, int oflag) {
        return semOpen(name, oflag, 0, 0);
    }

    Semaphore semOpen(String name, int oflag, int mode, long value) {
        long address = libc.semOpen(name, oflag, mode, unsignedInt(value));
        NamedSemaphoreMapping named = process.namedSemaphores().opened(address);
        if (!named.watched()) {
            named.watch(semaphoreFile(name), process.mappedObjects());
        }
        return NativeSemaphore.named(name, named);
    }

    /**
     * The file glibc just mapped for the named semaphore, opened again to watch its size (glibc
     * closed its descriptor): {@code sem.NAME} in the shared memory namespace, the name's leading
     * slashes dropped as glibc drops them. If it is gone already (unlinked meanwhile), nothing can
     * be watched: {@link MappedObject#ANONYMOUS}.
     */
    private MappedObject semaphoreFile(String name) {
        String file = "/" + ShmNamespace.semaphoreFile(name);
        int fd;
        try {
            fd = libc.shmOpen(file, OpenFlags.O_RDONLY, 0);
        } catch (PosixException gone) {
            return MappedObject.ANONYMOUS;
        }
        try {
            return process.mappedObjects().acquire(fd, PosixException.quote(file));
        } finally {
            libc.close(fd, PosixException.quote(file));
        }
    }

    void semClose(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        if (!s.isNamed()) {
            // A pointer into a mapping of ours is never one glibc returned, so glibc would answer
            // EINVAL; but past the mapping's end it may land on a named semaphore's page, which glibc
            // would unmap behind the back of that semaphore's handle (a crash at its next use).
            throw new PosixException(Errno.EINVAL, "sem_close", s.description());
        }
        if (!s.namedMapping().isMapped()) {
            // Closed for the last time already: glibc no longer knows the pointer (EINVAL), or knows
            // it as another semaphore mapped at the same address since, which must not be closed.
            throw new PosixException(Errno.EINVAL, "sem_close", s.description());
        }
        libc.semClose(s.address(), s.description());
        if (process.namedSemaphores().closed(s.namedMapping())) {
            process.mappedObjects().release(s.namedMapping().file());
        }
    }

    void semUnlink(String name) {
        libc.semUnlink(name);
    }

    Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        NativeSemaphore s = NativeSemaphore.inMapping(NativeOs.own(mapping), offset);
        int cValue = unsignedInt(value);
        if (Integer.compareUnsigned(cValue, Limits.SEM_VALUE_MAX) > 0) {
            // glibc refuses the value before it stores anything: so does this, touching nothing
            throw new PosixException(Errno.EINVAL, "sem_init", s.description());
        }
        libc.semInit(s.storableAddress(SemT.INIT_SIZE), pshared ? 1 : 0, cValue, s.description());
        return s;
    }

    Semaphore semAt(Mapping mapping, long offset) {
        return NativeSemaphore.inMapping(NativeOs.own(mapping), offset);
    }

    void semDestroy(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        // glibc's sem_destroy touches nothing, so nothing is checked: as in C, it succeeds.
        libc.semDestroy(s.address(), s.description());
    }

    /*
     * The waits and sem_post check in glibc's order: its first access is a load of the data word
     * (so a semaphore past the object's end is SIGBUS on a read), and its first store comes after.
     * glibc is never handed a semaphore it may not store into: where the mapping refuses stores,
     * what glibc would do after its load is decided here, from the same value.
     */

    void semWait(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        s.loadableAddress();
        // whatever the value, sem_wait stores: a compare-and-swap, or one more waiter in the count
        long address = s.storableAddress(SemT.DATA_SIZE);
        checkFutexFlagBeforeSleeping(s, "sem_wait");
        if (fastPath.tryDecrement(address)) {
            return;
        }
        process.enterBlocking(s.waitCall());
        try {
            if (!fastPath.spinToDecrement(address)) {
                libc.semWait(address, s.description());
            }
        } finally {
            process.enterBlocking(null);
        }
    }

    boolean semTrywait(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        s.loadableAddress();
        if (!s.allowsStores() && s.loadValue() == 0) {
            return false; // glibc's sem_trywait saw 0 and gave up (EAGAIN) without a store
        }
        long address = s.storableAddress(SemT.DATA_SIZE);
        return fastPath.tryDecrement(address) || libc.semTrywait(address, s.description());
    }

    boolean semTimedwait(Semaphore sem, Timespec deadline) {
        NativeSemaphore s = NativeOs.own(sem);
        if (!deadline.valid()) {
            // glibc 2.36 checks tv_nsec before it touches the semaphore: a dangling one is not followed
            throw new PosixException(Errno.EINVAL, "sem_timedwait", s.description());
        }
        s.loadableAddress();
        long address = s.storableAddress(SemT.DATA_SIZE);
        checkFutexFlagBeforeSleeping(s, "sem_timedwait");
        if (fastPath.tryDecrement(address)) {
            return true;
        }
        process.enterBlocking(s.timedwaitCall());
        try {
            if (fastPath.spinToDecrement(address)) {
                return true;
            }
            long timespec = scratch.address();
            TimespecLayout.put(timespec, deadline);
            return libc.semTimedwait(address, timespec, s.description());
        } finally {
            process.enterBlocking(null);
        }
    }

    void semPost(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        s.loadableAddress();
        if (!s.allowsStores() && s.loadValue() == Limits.SEM_VALUE_MAX) {
            // glibc's sem_post saw the maximum and refused before its store
            throw new PosixException(Errno.EOVERFLOW, "sem_post", s.description());
        }
        long address = s.storableAddress(SemT.DATA_SIZE);
        long data = s.loadData();
        if (SemT.value(data) != Limits.SEM_VALUE_MAX && SemT.waiters(data) != 0) {
            checkFutexFlag(s, "sem_post"); // it will wake a waiter
        }
        if (!fastPath.tryPost(address)) {
            libc.semPost(address, s.description());
        }
    }

    /** A wait that finds the value 0 sleeps on the futex: its flag is checked first. */
    private static void checkFutexFlagBeforeSleeping(NativeSemaphore s, String call) {
        if (SemT.value(s.loadData()) == 0) {
            checkFutexFlag(s, call);
        }
    }

    /**
     * Checks {@code private} before glibc makes a futex call with it: glibc only ever stores 0 or 128
     * there, and XORs it into the futex operation; anything else (a {@code sem_t} overwritten, or
     * never initialised) gives the kernel a garbage operation, with any outcome up to glibc aborting
     * the process ("The futex facility returned an unexpected error code"). Both backends refuse it
     * with EINVAL instead, before anything is stored. Reading the field may itself fault, as glibc's
     * read would.
     */
    private static void checkFutexFlag(NativeSemaphore s, String call) {
        int flag = s.loadPrivate();
        if (flag != SemT.FUTEX_PRIVATE && flag != SemT.FUTEX_SHARED) {
            throw new PosixException(Errno.EINVAL, call, s.description() + ", futex flag " + flag);
        }
    }

    int semGetvalue(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        return libc.semGetvalue(s.loadableAddress(), scratch.address(), s.description());
    }

    /** C's conversion of the value to {@code unsigned int}, with anything beyond it kept invalid. */
    private static int unsignedInt(long value) {
        return value < 0 || value > 0xFFFF_FFFFL ? UNREPRESENTABLE_VALUE : (int) value;
    }
}
