package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.FaultKind;
import io.shmlab.api.FileStatus;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A handle on this JVM's own process, making real calls into glibc: models each POSIX call of
 * {@link Os} by making it. Every handle of the JVM has the same pid and sees the same objects; each
 * handle keeps its own list of mappings (for {@link #mappingAt}) and a scratch buffer, and is used by
 * one thread at a time.
 *
 * <p>sem_post, sem_wait and sem_trywait first try glibc's own uncontended fast path in Java
 * ({@link SemaphoreFastPath}); glibc is called whenever that does not settle it.
 */
final class NativeOs implements Os {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** What C converts an out-of-range {@code unsigned int} semaphore value to: above SEM_VALUE_MAX. */
    private static final int UNREPRESENTABLE_VALUE = -1;

    private final ThisProcess process;
    private final CheckedLibC libc;
    private final ScratchMemory scratch;
    private final SemaphoreFastPath fastPath;
    private final List<NativeMapping> mappings = new ArrayList<>();

    NativeOs(ThisProcess process) {
        this.process = process;
        this.libc = process.libc();
        this.scratch = ScratchMemory.ownedBy(this);
        this.fastPath = process.semaphoreFastPath();
    }

    @Override
    public int pid() {
        return process.pid();
    }

    @Override
    public int uid() {
        return libc.getuid();
    }

    /** The mask is the process's: every handle of this JVM shares it, as threads of a C process do. */
    @Override
    public int umask(int mask) {
        return libc.umask(mask);
    }

    // ------------------------------------------------------------------ shared memory objects

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        int fd = libc.shmOpen(name, oflag, mode);
        NativeOpenFile file = new NativeOpenFile(fd, name, oflag & OpenFlags.O_ACCMODE);
        if ((oflag & OpenFlags.O_TRUNC) != 0) {
            process.mappedObjects().sizeMayHaveChanged(fd, file.describe());
        }
        return file;
    }

    @Override
    public void shmUnlink(String name) {
        libc.shmUnlink(name);
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        int fd = libc.open(path, oflag, mode);
        NativeOpenFile file = new NativeOpenFile(fd, path, oflag & OpenFlags.O_ACCMODE);
        if ((oflag & OpenFlags.O_TRUNC) != 0) {
            process.mappedObjects().sizeMayHaveChanged(fd, file.describe());
        }
        return file;
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        NativeOpenFile f = own(file);
        libc.ftruncate(f.kernelFd(), length, f.describe());
        process.mappedObjects().sizeMayHaveChanged(f.fd(), f.describe());
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        NativeOpenFile f = own(file);
        libc.posixFallocate(f.kernelFd(), offset, length, f.describe());
        process.mappedObjects().sizeMayHaveChanged(f.fd(), f.describe());
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        NativeOpenFile f = own(file);
        long stat = scratch.address();
        libc.fstat(f.kernelFd(), stat, f.describe());
        return new FileStatus(NativeMemory.getLong(stat + StatLayout.ST_SIZE_OFFSET),
                NativeMemory.getInt(stat + StatLayout.ST_MODE_OFFSET) & 07777,
                NativeMemory.getInt(stat + StatLayout.ST_UID_OFFSET));
    }

    @Override
    public void close(OpenFile file) {
        NativeOpenFile f = own(file);
        int fd = f.kernelFd();
        f.markClosed();
        libc.close(fd, f.describe());
    }

    // ------------------------------------------------------------------ mappings

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        NativeOpenFile f = own(file);
        long address = libc.mmap(length, prot, flags, f.kernelFd(), offset, f.describe());
        MappedObject object;
        try {
            object = process.mappedObjects().acquire(f.fd(), f.describe());
        } catch (RuntimeException e) {
            libc.munmap(address, length, f.describe());
            throw e;
        }
        return remember(new NativeMapping(address, length, prot, flags, offset, f.name(), object,
                process.mappedObjects()));
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        int anonymous = flags | MapFlags.MAP_ANONYMOUS;
        long address = libc.mmap(length, prot, anonymous, -1, 0, null);
        return remember(new NativeMapping(address, length, prot, anonymous, 0, null, MappedObject.ANONYMOUS,
                process.mappedObjects()));
    }

    private NativeMapping remember(NativeMapping mapping) {
        mappings.add(mapping);
        return mapping;
    }

    /**
     * The range must lie in this mapping's pages, the mapping still mapped; past them it is ENOMEM,
     * as where nothing is mapped (the JVM's neighbouring memory is not the program's, nor synced).
     * The kernel checks the flags and the start first: outside, it is asked with a length of 0,
     * which checks them and touches nothing.
     */
    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        NativeMapping m = own(mapping);
        long start = m.address() + offset;
        long pages = Limits.pageAlignUp(length);
        if (m.covers(offset, pages)) {
            libc.msync(start, length, flags, describe(m));
            return;
        }
        libc.msync(start, 0, flags, describe(m));
        if (pages == 0) {
            return; // a length that rounds (as an unsigned number) to 0 syncs nothing and succeeds
        }
        throw new PosixException(Errno.ENOMEM, "msync", describe(m));
    }

    @Override
    public void munmap(Mapping mapping) {
        NativeMapping m = own(mapping);
        if (!m.isMapped()) {
            // munmap(2) of a range with no mapping succeeds; calling it would unmap whatever the JVM
            // has put at those addresses since.
            return;
        }
        m.markUnmapped();
        mappings.remove(m);
        libc.munmap(m.address(), m.length(), describe(m));
        process.mappedObjects().release(m.object());
    }

    @Override
    public Mapping mappingAt(long address) {
        for (NativeMapping m : mappings) {
            if (m.contains(address)) {
                return m;
            }
        }
        throw MemoryFault.of(FaultKind.NOT_MAPPED, Access.READ, address, 0,
                "of an address in no mapping of process " + pid());
    }

    private static String describe(NativeMapping m) {
        return "0x" + Long.toHexString(m.address());
    }

    // ------------------------------------------------------------------ semaphores

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return semOpen(name, oflag, 0, 0);
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
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
        String file = "/sem." + name.replaceFirst("^/+", "");
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

    @Override
    public void semClose(Semaphore sem) {
        NativeSemaphore s = own(sem);
        if (s.isNamed() && !s.namedMapping().isMapped()) {
            // Closed for the last time already: glibc no longer knows the pointer (EINVAL), or knows
            // it as another semaphore mapped at the same address since, which must not be closed.
            throw new PosixException(Errno.EINVAL, "sem_close", s.description());
        }
        // glibc answers EINVAL for a pointer it did not return, without touching it.
        libc.semClose(s.address(), s.description());
        if (s.isNamed() && process.namedSemaphores().closed(s.namedMapping())) {
            process.mappedObjects().release(s.namedMapping().file());
        }
    }

    @Override
    public void semUnlink(String name) {
        libc.semUnlink(name);
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        NativeSemaphore s = NativeSemaphore.inMapping(own(mapping), offset);
        int cValue = unsignedInt(value);
        if (Integer.compareUnsigned(cValue, Limits.SEM_VALUE_MAX) > 0) {
            // glibc refuses the value before it stores anything: so does this, touching nothing
            throw new PosixException(Errno.EINVAL, "sem_init", s.description());
        }
        libc.semInit(s.storableAddress(SemTLayout.INIT_SIZE), pshared ? 1 : 0, cValue, s.description());
        return s;
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return NativeSemaphore.inMapping(own(mapping), offset);
    }

    @Override
    public void semDestroy(Semaphore sem) {
        NativeSemaphore s = own(sem);
        // glibc's sem_destroy touches nothing, so nothing is checked: as in C, it succeeds.
        libc.semDestroy(s.address(), s.description());
    }

    /*
     * The waits and sem_post check in glibc's order: its first access is a load of the data word
     * (so a semaphore past the object's end is SIGBUS on a read), and its first store comes after.
     * glibc is never handed a semaphore it may not store into: where the mapping refuses stores,
     * what glibc would do after its load is decided here, from the same value.
     */

    @Override
    public void semWait(Semaphore sem) {
        NativeSemaphore s = own(sem);
        s.loadableAddress();
        // whatever the value, sem_wait stores: a compare-and-swap, or one more waiter in the count
        long address = s.storableAddress(SemTLayout.DATA_SIZE);
        checkFutexFlagBeforeSleeping(s, "sem_wait");
        if (fastPath.tryDecrement(address)) {
            return;
        }
        process.enterBlocking(s.waitCall());
        try {
            libc.semWait(address, s.description());
        } finally {
            process.enterBlocking(null);
        }
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        NativeSemaphore s = own(sem);
        s.loadableAddress();
        if (!s.allowsStores() && s.loadValue() == 0) {
            return false; // glibc's sem_trywait saw 0 and gave up (EAGAIN) without a store
        }
        long address = s.storableAddress(SemTLayout.DATA_SIZE);
        return fastPath.tryDecrement(address) || libc.semTrywait(address, s.description());
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        NativeSemaphore s = own(sem);
        if (!deadline.valid()) {
            // glibc 2.36 checks tv_nsec before it touches the semaphore: a dangling one is not followed
            throw new PosixException(Errno.EINVAL, "sem_timedwait", s.description());
        }
        s.loadableAddress();
        long address = s.storableAddress(SemTLayout.DATA_SIZE);
        checkFutexFlagBeforeSleeping(s, "sem_timedwait");
        long timespec = scratch.address();
        TimespecLayout.put(timespec, deadline);
        process.enterBlocking(s.timedwaitCall());
        try {
            return libc.semTimedwait(address, timespec, s.description());
        } finally {
            process.enterBlocking(null);
        }
    }

    @Override
    public void semPost(Semaphore sem) {
        NativeSemaphore s = own(sem);
        s.loadableAddress();
        if (!s.allowsStores() && s.loadValue() == Limits.SEM_VALUE_MAX) {
            // glibc's sem_post saw the maximum and refused before its store
            throw new PosixException(Errno.EOVERFLOW, "sem_post", s.description());
        }
        long address = s.storableAddress(SemTLayout.DATA_SIZE);
        long data = s.loadData();
        if ((data & SemTLayout.VALUE_MASK) != Limits.SEM_VALUE_MAX && (data >>> SemTLayout.NWAITERS_SHIFT) != 0) {
            checkFutexFlag(s, "sem_post"); // it will wake a waiter
        }
        if (!fastPath.tryPost(address)) {
            libc.semPost(address, s.description());
        }
    }

    /** A wait that finds the value 0 sleeps on the futex: its flag is checked first. */
    private static void checkFutexFlagBeforeSleeping(NativeSemaphore s, String call) {
        if ((s.loadData() & SemTLayout.VALUE_MASK) == 0) {
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
        if (flag != SemTLayout.FUTEX_PRIVATE && flag != SemTLayout.FUTEX_SHARED) {
            throw new PosixException(Errno.EINVAL, call, s.description() + ", futex flag " + flag);
        }
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        NativeSemaphore s = own(sem);
        return libc.semGetvalue(s.loadableAddress(), scratch.address(), s.description());
    }

    /** C's conversion of the value to {@code unsigned int}, with anything beyond it kept invalid. */
    private static int unsignedInt(long value) {
        return value < 0 || value > 0xFFFF_FFFFL ? UNREPRESENTABLE_VALUE : (int) value;
    }

    // ------------------------------------------------------------------ process

    @Override
    public Timespec clockGettime() {
        long timespec = scratch.address();
        libc.clockGettime(CheckedLibC.CLOCK_REALTIME, timespec);
        return TimespecLayout.get(timespec);
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new PosixException(Errno.EINVAL, "nanosleep", duration.toString());
        }
        long deadline = scratch.address();
        libc.clockGettime(CheckedLibC.CLOCK_MONOTONIC, deadline);
        long now = NativeMemory.getLong(deadline + TimespecLayout.TV_SEC_OFFSET) * NANOS_PER_SECOND
                + NativeMemory.getLong(deadline + TimespecLayout.TV_NSEC_OFFSET);
        TimespecLayout.put(deadline, Timespec.ofNanos(Math.addExact(now, duration.toNanos())));
        process.enterBlocking("nanosleep(" + duration.toNanos() + " ns)");
        try {
            libc.sleepUntil(CheckedLibC.CLOCK_MONOTONIC, deadline);
        } finally {
            process.enterBlocking(null);
        }
    }

    @Override
    public void print(String text) {
        System.out.print(text);
        System.out.flush();
    }

    @Override
    public String readLine() {
        process.enterBlocking("read(0)");
        try {
            return process.stdin().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            process.enterBlocking(null);
        }
    }

    @Override
    public int fork(Program child) {
        throw new PosixException(Errno.ENOSYS, "fork", null);
    }

    @Override
    public int waitpid(int pid) {
        throw new PosixException(Errno.ECHILD, "waitpid", Integer.toString(pid));
    }

    // ------------------------------------------------------------------ handles

    private static NativeOpenFile own(OpenFile file) {
        if (file instanceof NativeOpenFile f) {
            return f;
        }
        throw new IllegalArgumentException("not a descriptor of the native backend: " + file);
    }

    private static NativeMapping own(Mapping mapping) {
        if (mapping instanceof NativeMapping m) {
            return m;
        }
        throw new IllegalArgumentException("not a mapping of the native backend: " + mapping);
    }

    private static NativeSemaphore own(Semaphore sem) {
        if (sem instanceof NativeSemaphore s) {
            return s;
        }
        throw new IllegalArgumentException("not a semaphore of the native backend: " + sem);
    }

    @Override
    public String toString() {
        return "process " + pid() + " (native)";
    }
}
