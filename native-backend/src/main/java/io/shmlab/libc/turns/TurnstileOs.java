package io.shmlab.libc.turns;

import io.shmlab.api.FileStatus;
import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An {@link Os} whose every call into the operating system waits for its turn first: the one place
 * where an ordered run intercepts a program. Each call is named as the simulator's trace names it
 * ({@code shm_open}, {@code write}, {@code nanosleep}, ...), so the order found by the simulator
 * can be checked call by call; what the simulator does without a call ({@code getpid},
 * {@code getuid}, taking a {@code sem_t} pointer, a negative sleep) goes straight through.
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

    private <T> T call(String name, Supplier<T> body) {
        turns.enter(name);
        try {
            return body.get();
        } finally {
            turns.leave();
        }
    }

    private void run(String name, Runnable body) {
        call(name, () -> {
            body.run();
            return null;
        });
    }

    @Override
    public int umask(int mask) {
        return call("umask", () -> delegate.umask(mask));
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return call("shm_open", () -> delegate.shmOpen(name, oflag, mode));
    }

    @Override
    public void shmUnlink(String name) {
        run("shm_unlink", () -> delegate.shmUnlink(name));
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        return call("open", () -> delegate.open(path, oflag, mode));
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        run("ftruncate", () -> delegate.ftruncate(file, length));
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        run("posix_fallocate", () -> delegate.posixFallocate(file, offset, length));
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        return call("fstat", () -> delegate.fstat(file));
    }

    @Override
    public void close(OpenFile file) {
        run("close", () -> delegate.close(file));
    }

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        return call("mmap", () -> delegate.mmap(length, prot, flags, file, offset));
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        return call("mmap", () -> delegate.mmapAnonymous(length, prot, flags));
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        run("msync", () -> delegate.msync(mapping, offset, length, flags));
    }

    @Override
    public void munmap(Mapping mapping) {
        run("munmap", () -> delegate.munmap(mapping));
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        run("munmap", () -> delegate.munmap(mapping, offset, length));
    }

    @Override
    public Mapping mappingAt(long address) {
        return call("mapping_at", () -> delegate.mappingAt(address));
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return call("sem_open", () -> delegate.semOpen(name, oflag));
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return call("sem_open", () -> delegate.semOpen(name, oflag, mode, value));
    }

    @Override
    public void semClose(Semaphore sem) {
        run("sem_close", () -> delegate.semClose(sem));
    }

    @Override
    public void semUnlink(String name) {
        run("sem_unlink", () -> delegate.semUnlink(name));
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return call("sem_init", () -> delegate.semInit(mapping, offset, pshared, value));
    }

    @Override
    public void semDestroy(Semaphore sem) {
        run("sem_destroy", () -> delegate.semDestroy(sem));
    }

    @Override
    public void semWait(Semaphore sem) {
        run("sem_wait", () -> delegate.semWait(sem));
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return call("sem_trywait", () -> delegate.semTrywait(sem));
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        return call("sem_timedwait", () -> delegate.semTimedwait(sem, deadline));
    }

    @Override
    public void semPost(Semaphore sem) {
        run("sem_post", () -> delegate.semPost(sem));
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return call("sem_getvalue", () -> delegate.semGetvalue(sem));
    }

    @Override
    public Timespec clockGettime() {
        return call("clock_gettime", delegate::clockGettime);
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            delegate.sleep(duration);
            return;
        }
        run("nanosleep", () -> delegate.sleep(duration));
    }

    @Override
    public void print(String text) {
        run("write", () -> delegate.print(text));
    }

    @Override
    public String readLine() {
        return call("read", delegate::readLine);
    }

    @Override
    public int fork(Program child) {
        return call("fork", () -> delegate.fork(child));
    }

    @Override
    public int waitpid(int pid) {
        return call("waitpid", () -> delegate.waitpid(pid));
    }

    @Override
    public String toString() {
        return "TurnstileOs[process " + turns.index() + ", " + delegate + "]";
    }
}
