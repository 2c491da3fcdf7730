package io.shmlab.libc.turns;

import io.shmlab.api.FileStatus;
import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Syscall;
import io.shmlab.api.Timespec;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An {@link Os} whose every call into the operating system waits for its turn first: the one place
 * where an ordered run intercepts a program. Each call is named by its {@link Syscall}, as the
 * simulator's trace names it, so the order found by the simulator can be checked call by call; what
 * the simulator does without a call (the {@link Syscall.Kind#LOCAL} getpid and getuid, taking a
 * {@code sem_t} pointer, a negative sleep) goes straight through. It overrides every {@link Os}
 * method that models a scheduled call (a test holds it to that), so none goes unordered.
 */
public final class TurnstileOs extends ForwardingOs {
    private final TurnTaking turns;

    /**
     * @param delegate the process's own handle, which makes the calls
     * @param turns this process's side of the protocol
     */
    public TurnstileOs(Os delegate, TurnTaking turns) {
        super(delegate);
        this.turns = turns;
    }

    private <T> T call(Syscall name, Supplier<T> body) {
        turns.enter(name);
        try {
            return body.get();
        } finally {
            turns.leave();
        }
    }

    private void run(Syscall name, Runnable body) {
        call(name, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public int umask(int mask) {
        return call(Syscall.UMASK, () -> delegate.umask(mask));
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return call(Syscall.SHM_OPEN, () -> delegate.shmOpen(name, oflag, mode));
    }

    @Override
    public void shmUnlink(String name) {
        run(Syscall.SHM_UNLINK, () -> delegate.shmUnlink(name));
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        return call(Syscall.OPEN, () -> delegate.open(path, oflag, mode));
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        run(Syscall.FTRUNCATE, () -> delegate.ftruncate(file, length));
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        run(Syscall.POSIX_FALLOCATE, () -> delegate.posixFallocate(file, offset, length));
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        return call(Syscall.FSTAT, () -> delegate.fstat(file));
    }

    @Override
    public void close(OpenFile file) {
        run(Syscall.CLOSE, () -> delegate.close(file));
    }

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        return call(Syscall.MMAP, () -> delegate.mmap(length, prot, flags, file, offset));
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        return call(Syscall.MMAP, () -> delegate.mmapAnonymous(length, prot, flags));
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        run(Syscall.MSYNC, () -> delegate.msync(mapping, offset, length, flags));
    }

    @Override
    public void munmap(Mapping mapping) {
        run(Syscall.MUNMAP, () -> delegate.munmap(mapping));
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        run(Syscall.MUNMAP, () -> delegate.munmap(mapping, offset, length));
    }

    @Override
    public Mapping mappingAt(long address) {
        return call(Syscall.MAPPING_AT, () -> delegate.mappingAt(address));
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return call(Syscall.SEM_OPEN, () -> delegate.semOpen(name, oflag));
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return call(Syscall.SEM_OPEN, () -> delegate.semOpen(name, oflag, mode, value));
    }

    @Override
    public void semClose(Semaphore sem) {
        run(Syscall.SEM_CLOSE, () -> delegate.semClose(sem));
    }

    @Override
    public void semUnlink(String name) {
        run(Syscall.SEM_UNLINK, () -> delegate.semUnlink(name));
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return call(Syscall.SEM_INIT, () -> delegate.semInit(mapping, offset, pshared, value));
    }

    @Override
    public void semDestroy(Semaphore sem) {
        run(Syscall.SEM_DESTROY, () -> delegate.semDestroy(sem));
    }

    @Override
    public void semWait(Semaphore sem) {
        run(Syscall.SEM_WAIT, () -> delegate.semWait(sem));
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return call(Syscall.SEM_TRYWAIT, () -> delegate.semTrywait(sem));
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        return call(Syscall.SEM_TIMEDWAIT, () -> delegate.semTimedwait(sem, deadline));
    }

    @Override
    public void semPost(Semaphore sem) {
        run(Syscall.SEM_POST, () -> delegate.semPost(sem));
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return call(Syscall.SEM_GETVALUE, () -> delegate.semGetvalue(sem));
    }

    @Override
    public Timespec clockGettime() {
        return call(Syscall.CLOCK_GETTIME, delegate::clockGettime);
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            delegate.sleep(duration);
            return;
        }
        run(Syscall.NANOSLEEP, () -> delegate.sleep(duration));
    }

    @Override
    public void print(String text) {
        run(Syscall.WRITE, () -> delegate.print(text));
    }

    @Override
    public String readLine() {
        return call(Syscall.READ, delegate::readLine);
    }

    @Override
    public int fork(Program child) {
        return call(Syscall.FORK, () -> delegate.fork(child));
    }

    @Override
    public int waitpid(int pid) {
        return call(Syscall.WAITPID, () -> delegate.waitpid(pid));
    }

    @Override
    public String toString() {
        return "TurnstileOs[process " + turns.index() + ", " + delegate + "]";
    }
}
