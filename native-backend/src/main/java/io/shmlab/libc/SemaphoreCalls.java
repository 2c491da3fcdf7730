package io.shmlab.libc;

import io.shmlab.api.Access;
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
 * The semaphore calls of {@link NativeOs}: sem_open(3), sem_close(3) and sem_unlink(3) made in
 * glibc, which only handles names and mappings; sem_init(3), sem_destroy(3), sem_wait(3),
 * sem_trywait(3), sem_timedwait(3), sem_post(3) and sem_getvalue(3) made in Java by
 * {@link SemaphoreProtocol}, glibc's own algorithm on the same {@code sem_t}, so that glibc never
 * touches a semaphore's page.
 *
 * <p>A real SIGBUS that Java code takes on the page (another process cut the object under it)
 * reaches here as HotSpot's {@link InternalError}, at the access or, in compiled code, a little later;
 * either way it leaves the call as the {@link io.shmlab.api.BusError} of the call's first access.
 */
final class SemaphoreCalls {
    /** What C converts an out-of-range {@code unsigned int} semaphore value to: above SEM_VALUE_MAX. */
    private static final int UNREPRESENTABLE_VALUE = -1;

    private final ThisProcess process;
    private final CheckedLibC libc;
    private final ScratchMemory scratch;
    private final SemaphoreProtocol protocol;
    private final boolean checkFiles;

    SemaphoreCalls(ThisProcess process, CheckedLibC libc, ScratchMemory scratch, NativeSettings settings) {
        this.process = process;
        this.libc = libc;
        this.scratch = scratch;
        this.checkFiles = settings.checkSemaphoreFiles();
        this.protocol = new SemaphoreProtocol(libc, new SemaphoreSpin(settings.semaphoreSpins()), checkFiles ? process.mappedObjects() : null);
    }

    public Semaphore semOpen(String name, int oflag) {
        return semOpen(name, oflag, 0, 0);
    }

    Semaphore semOpen(String name, int oflag, int mode, long value) {
        long address = libc.semOpen(name, oflag, mode, unsignedInt(value));
        NamedSemaphoreMapping named = process.namedSemaphores().opened(address);
        if (!named.watched()) {
            named.watch(semaphoreFile(name), process.mappedObjects());
        } else if ((oflag & OpenFlags.O_TRUNC) != 0) {
            // glibc passed O_TRUNC on to open(2) and kept its mapping: the file is empty now
            process.mappedObjects().refresh(named.file());
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
        if (checkFiles) {
            s.askFileSize(process.mappedObjects());
        }
        try {
            protocol.init(s, pshared, cValue);
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.DATA_OFFSET, Access.WRITE);
        }
        return s;
    }

    Semaphore semAt(Mapping mapping, long offset) {
        return NativeSemaphore.inMapping(NativeOs.own(mapping), offset);
    }

    void semDestroy(Semaphore sem) {
        NativeOs.own(sem);
        // glibc's sem_destroy touches nothing, so nothing is checked: as in C, it succeeds.
    }

    void semWait(Semaphore sem) {
        NativeSemaphore s = checked(sem);
        try {
            if (protocol.tryFastPath(s, false)) {
                return;
            }
            process.enterBlocking(s.waitCall());
            try {
                if (!protocol.spin(s)) {
                    protocol.sleepUntilTaken(s, null, 0, "sem_wait");
                }
            } finally {
                process.enterBlocking(null);
            }
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.DATA_OFFSET, Access.READ);
        }
    }

    boolean semTrywait(Semaphore sem) {
        NativeSemaphore s = checked(sem);
        try {
            return protocol.tryFastPath(s, true);
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.DATA_OFFSET, Access.READ);
        }
    }

    boolean semTimedwait(Semaphore sem, Timespec deadline) {
        NativeSemaphore s = checked(sem);
        if (!deadline.valid()) {
            // glibc 2.36 checks tv_nsec before it touches the semaphore: a dangling one is not followed
            throw new PosixException(Errno.EINVAL, "sem_timedwait", s.description());
        }
        try {
            if (protocol.tryFastPath(s, false)) {
                return true;
            }
            process.enterBlocking(s.timedwaitCall());
            try {
                return protocol.spin(s)
                        || protocol.sleepUntilTaken(s, deadline, scratch.address(), "sem_timedwait");
            } finally {
                process.enterBlocking(null);
            }
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.DATA_OFFSET, Access.READ);
        }
    }

    void semPost(Semaphore sem) {
        NativeSemaphore s = checked(sem);
        try {
            protocol.post(s);
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.PRIVATE_OFFSET, Access.READ);
        }
    }

    int semGetvalue(Semaphore sem) {
        NativeSemaphore s = checked(sem);
        try {
            return protocol.getValue(s);
        } catch (InternalError e) {
            throw s.pageGone(e, SemT.DATA_OFFSET, Access.READ);
        }
    }

    /**
     * The semaphore, with its file's size asked first when {@link NativeSettings#CHECK_SEMAPHORE_FILES}
     * is set: the one way to see before touching the page that another process cut the file.
     */
    private NativeSemaphore checked(Semaphore sem) {
        NativeSemaphore s = NativeOs.own(sem);
        if (checkFiles) {
            s.askFileSize(process.mappedObjects());
        }
        return s;
    }

    /** C's conversion of the value to {@code unsigned int}, with anything beyond it kept invalid. */
    private static int unsignedInt(long value) {
        return value < 0 || value > 0xFFFF_FFFFL ? UNREPRESENTABLE_VALUE : (int) value;
    }
}
