package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Syscall;
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
 * one thread at a time. The semaphore calls are made by {@link SemaphoreCalls}.
 */
final class NativeOs implements Os {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final ThisProcess process;
    private final CheckedLibC libc;
    private final ScratchMemory scratch;
    private final SemaphoreCalls semaphores;
    private final List<NativeMapping> mappings = new ArrayList<>();
    /** Whether a mapping of a file faults each page in (madvise) before its first access. */
    private final boolean populatesPages;

    NativeOs(ThisProcess process, NativeSettings settings) {
        this.process = process;
        this.libc = process.libc();
        this.scratch = ScratchMemory.ownedBy(this);
        this.semaphores = new SemaphoreCalls(process, libc, scratch, settings);
        this.populatesPages = settings.populatePages() && process.canPopulatePages();
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
        if ((flags & MapFlags.MAP_ANONYMOUS) != 0) {
            // the kernel ignored the descriptor (even a closed one): anonymous memory, no object
            return remember(new NativeMapping(address, length, prot, flags, 0, null, MappedObject.ANONYMOUS,
                    process.mappedObjects()));
        }
        MappedObject object;
        try {
            object = process.mappedObjects().acquire(f.fd(), f.describe());
        } catch (RuntimeException e) {
            libc.munmap(address, length, f.describe());
            throw e;
        }
        return remember(new NativeMapping(address, length, prot, flags, offset, f.name(), object,
                process.mappedObjects(), populatesPages ? libc : null));
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
        long[] stillMapped = m.takeOut(0, m.extent());
        m.markUnmapped();
        mappings.remove(m);
        for (int i = 0; i < stillMapped.length; i += 2) {
            libc.munmap(m.address() + stillMapped[i], stillMapped[i + 1] - stillMapped[i], describe(m));
        }
        process.mappedObjects().release(m.object());
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        NativeMapping m = own(mapping);
        long start = m.address() + offset;
        if (!Limits.munmapArgumentsValid(start, length)) {
            throw new PosixException(Errno.EINVAL, "munmap", "0x" + Long.toHexString(start) + ", " + length);
        }
        if (!m.isMapped()) {
            return;
        }
        // past the mapping's own pages nothing is unmapped: the JVM's memory is not the program's
        long from = Math.max(offset, 0);
        long to = Math.min(offset + Limits.pageAlignUp(length), m.extent());
        if (from >= to) {
            return;
        }
        long[] stillMapped = m.takeOut(from, to);
        if (m.whollyTakenOut()) {
            m.markUnmapped();
            mappings.remove(m);
        }
        for (int i = 0; i < stillMapped.length; i += 2) {
            libc.munmap(m.address() + stillMapped[i], stillMapped[i + 1] - stillMapped[i], describe(m));
        }
        if (!m.isMapped()) {
            process.mappedObjects().release(m.object());
        }
    }

    @Override
    public Mapping mappingAt(long address) {
        for (NativeMapping m : mappings) {
            if (m.contains(address)) {
                return m;
            }
        }
        throw SegmentationFault.outsideEveryMapping(Access.READ, address, pid());
    }

    private static String describe(NativeMapping m) {
        return "0x" + Long.toHexString(m.address());
    }

    // ------------------------------------------------------------------ semaphores

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return semaphores.semOpen(name, oflag);
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return semaphores.semOpen(name, oflag, mode, value);
    }

    @Override
    public void semClose(Semaphore sem) {
        semaphores.semClose(sem);
    }

    @Override
    public void semUnlink(String name) {
        semaphores.semUnlink(name);
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return semaphores.semInit(mapping, offset, pshared, value);
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return semaphores.semAt(mapping, offset);
    }

    @Override
    public void semDestroy(Semaphore sem) {
        semaphores.semDestroy(sem);
    }

    @Override
    public void semWait(Semaphore sem) {
        semaphores.semWait(sem);
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return semaphores.semTrywait(sem);
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        return semaphores.semTimedwait(sem, deadline);
    }

    @Override
    public void semPost(Semaphore sem) {
        semaphores.semPost(sem);
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return semaphores.semGetvalue(sem);
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
            throw new PosixException(Errno.EINVAL, Syscall.NANOSLEEP, duration.toString());
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
        throw new PosixException(Errno.ENOSYS, Syscall.FORK, null);
    }

    @Override
    public int waitpid(int pid) {
        throw new PosixException(Errno.ECHILD, "waitpid", Integer.toString(pid));
    }

    // ------------------------------------------------------------------ handles

    static NativeOpenFile own(OpenFile file) {
        if (file instanceof NativeOpenFile f) {
            return f;
        }
        throw new IllegalArgumentException("not a descriptor of the native backend: " + file);
    }

    static NativeMapping own(Mapping mapping) {
        if (mapping instanceof NativeMapping m) {
            return m;
        }
        throw new IllegalArgumentException("not a mapping of the native backend: " + mapping);
    }

    static NativeSemaphore own(Semaphore sem) {
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
