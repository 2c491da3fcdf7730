package io.shmlab.api;

import java.time.Duration;

/**
 * An {@link Os} that hands every call to another one: the base of decorators that change a few calls
 * of a process (where its standard output goes, the order in which its calls may run) and leave the
 * rest as they are. Subclasses override what they change.
 */
public abstract class ForwardingOs implements Os {
    /** The process every call goes to unless a subclass says otherwise. */
    protected final Os delegate;

    /** @param delegate the process to hand the calls to */
    protected ForwardingOs(Os delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public int pid() {
        return delegate.pid();
    }

    @Override
    public int uid() {
        return delegate.uid();
    }

    @Override
    public int umask(int mask) {
        return delegate.umask(mask);
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return delegate.shmOpen(name, oflag, mode);
    }

    @Override
    public void shmUnlink(String name) {
        delegate.shmUnlink(name);
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        return delegate.open(path, oflag, mode);
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        delegate.ftruncate(file, length);
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        delegate.posixFallocate(file, offset, length);
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        return delegate.fstat(file);
    }

    @Override
    public void close(OpenFile file) {
        delegate.close(file);
    }

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        return delegate.mmap(length, prot, flags, file, offset);
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        return delegate.mmapAnonymous(length, prot, flags);
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        delegate.msync(mapping, offset, length, flags);
    }

    @Override
    public void munmap(Mapping mapping) {
        delegate.munmap(mapping);
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        delegate.munmap(mapping, offset, length);
    }

    @Override
    public Mapping mappingAt(long address) {
        return delegate.mappingAt(address);
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return delegate.semOpen(name, oflag);
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return delegate.semOpen(name, oflag, mode, value);
    }

    @Override
    public void semClose(Semaphore sem) {
        delegate.semClose(sem);
    }

    @Override
    public void semUnlink(String name) {
        delegate.semUnlink(name);
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return delegate.semInit(mapping, offset, pshared, value);
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return delegate.semAt(mapping, offset);
    }

    @Override
    public void semDestroy(Semaphore sem) {
        delegate.semDestroy(sem);
    }

    @Override
    public void semWait(Semaphore sem) {
        delegate.semWait(sem);
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return delegate.semTrywait(sem);
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        return delegate.semTimedwait(sem, deadline);
    }

    @Override
    public void semPost(Semaphore sem) {
        delegate.semPost(sem);
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return delegate.semGetvalue(sem);
    }

    @Override
    public Timespec clockGettime() {
        return delegate.clockGettime();
    }

    @Override
    public void sleep(Duration duration) {
        delegate.sleep(duration);
    }

    @Override
    public void print(String text) {
        delegate.print(text);
    }

    @Override
    public String readLine() {
        return delegate.readLine();
    }

    @Override
    public int fork(Program child) {
        return delegate.fork(child);
    }

    @Override
    public int waitpid(int pid) {
        return delegate.waitpid(pid);
    }
}
