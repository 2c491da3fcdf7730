package io.shmlab.cli;

import io.shmlab.api.FileStatus;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.time.Duration;

/**
 * A process's {@link Os} whose standard input and output are the command's {@link Console}: every
 * call goes to the process unchanged, except that write(2) on descriptor 1 and reading a line of
 * standard input use the console. It lets a lab run in this JVM on the native backend talk to
 * whatever terminal (or test) drives the command.
 */
final class ConsoleOs implements Os {
    private final Os process;
    private final Console console;

    ConsoleOs(Os process, Console console) {
        this.process = process;
        this.console = console;
    }

    @Override
    public int pid() {
        return process.pid();
    }

    @Override
    public int uid() {
        return process.uid();
    }

    @Override
    public int umask(int mask) {
        return process.umask(mask);
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return process.shmOpen(name, oflag, mode);
    }

    @Override
    public void shmUnlink(String name) {
        process.shmUnlink(name);
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        return process.open(path, oflag, mode);
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        process.ftruncate(file, length);
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        process.posixFallocate(file, offset, length);
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        return process.fstat(file);
    }

    @Override
    public void close(OpenFile file) {
        process.close(file);
    }

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        return process.mmap(length, prot, flags, file, offset);
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        return process.mmapAnonymous(length, prot, flags);
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        process.msync(mapping, offset, length, flags);
    }

    @Override
    public void munmap(Mapping mapping) {
        process.munmap(mapping);
    }

    @Override
    public Mapping mappingAt(long address) {
        return process.mappingAt(address);
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return process.semOpen(name, oflag);
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return process.semOpen(name, oflag, mode, value);
    }

    @Override
    public void semClose(Semaphore sem) {
        process.semClose(sem);
    }

    @Override
    public void semUnlink(String name) {
        process.semUnlink(name);
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return process.semInit(mapping, offset, pshared, value);
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return process.semAt(mapping, offset);
    }

    @Override
    public void semDestroy(Semaphore sem) {
        process.semDestroy(sem);
    }

    @Override
    public void semWait(Semaphore sem) {
        process.semWait(sem);
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return process.semTrywait(sem);
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        return process.semTimedwait(sem, deadline);
    }

    @Override
    public void semPost(Semaphore sem) {
        process.semPost(sem);
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return process.semGetvalue(sem);
    }

    @Override
    public Timespec clockGettime() {
        return process.clockGettime();
    }

    @Override
    public void sleep(Duration duration) {
        process.sleep(duration);
    }

    @Override
    public void print(String text) {
        console.print(text);
    }

    @Override
    public String readLine() {
        return console.readLine();
    }

    @Override
    public int fork(Program child) {
        return process.fork(child);
    }

    @Override
    public int waitpid(int pid) {
        return process.waitpid(pid);
    }
}
