package io.shmlab.sim;

import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Syscall;
import io.shmlab.api.Timespec;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.Kernel;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.ProcessInput;
import io.shmlab.sim.sem.GlibcSemaphore;
import io.shmlab.sim.sem.SemaphorePointer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The {@link Os} of one simulated process. Every call is a system call of the simulated kernel,
 * bracketed by {@link Dispatcher#enter} and {@link Dispatcher#exit} so that it runs atomically and,
 * under a scheduler, is a scheduling point; the trace gets the call, its arguments and its result.
 *
 * <p>A blocking call interrupted by a signal (EINTR) is made again, as the course's C programs loop
 * on EINTR: each attempt is a call of its own, and a timed wait keeps its absolute deadline. A
 * signal sent to the process is delivered at the start of its next call.
 */
public final class SimOs implements Os {
    private final SimMachine machine;
    private final KernelProcess process;
    private final Kernel kernel;

    SimOs(SimMachine machine, KernelProcess process) {
        this.machine = machine;
        this.process = process;
        this.kernel = process.kernel();
    }

    /** The kernel's record of this process (accounting, address space, console). */
    public KernelProcess process() {
        return process;
    }

    private <T> T call(Syscall name, String args, Supplier<T> body) {
        if (process.ended()) {
            if (process.pendingSignal() != null) {
                throw new io.shmlab.sim.kernel.ProcessKilled(process.pendingSignal());
            }
            throw new IllegalStateException(process + " has ended: " + process.ending());
        }
        process.noteCallingThread();
        Dispatcher d = kernel.dispatcher();
        d.enter(process.pid(), name, args);
        process.setCurrentCall(name.cName() + "(" + args + ")");
        String result = "?";
        try {
            process.checkPendingSignal();
            T value = body.get();
            result = value == null ? "0" : String.valueOf(value);
            return value;
        } catch (PosixException e) {
            result = "-1 " + e.errno().name();
            throw e;
        } catch (MemoryFault f) {
            result = f.signal().name();
            throw f;
        } catch (RuntimeException | Error e) {
            result = e.getClass().getSimpleName();
            throw e;
        } finally {
            process.setCurrentCall(null);
            d.exit(process.pid(), result);
        }
    }

    private void run(Syscall name, String args, Runnable body) {
        call(name, args, () -> {
            body.run();
            return null;
        });
    }

    private static String quoted(String s) {
        return PosixException.quote(s);
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
        return call(Syscall.UMASK, "0" + Integer.toOctalString(mask), () -> process.setUmask(mask));
    }

    // ---------------------------------------------------------------- shared memory objects

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return call(Syscall.SHM_OPEN, quoted(name) + ", " + OpenFlags.describe(oflag) + ", 0" + Integer.toOctalString(mode),
                () -> kernel.objects().shmOpen(process, name, oflag, mode));
    }

    @Override
    public void shmUnlink(String name) {
        run(Syscall.SHM_UNLINK, quoted(name), () -> kernel.objects().shmUnlink(process, name));
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        return call(Syscall.OPEN, quoted(path) + ", " + OpenFlags.describe(oflag) + ", 0" + Integer.toOctalString(mode),
                () -> kernel.objects().open(process, path, oflag, mode));
    }

    /** Removes a regular file's name: models unlink(2). */
    public void unlink(String path) {
        run(Syscall.UNLINK, quoted(path), () -> kernel.objects().unlinkFile(process, path));
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        run(Syscall.FTRUNCATE, fd(file) + ", " + length, () -> kernel.objects().ftruncate(process, file, length));
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        run(Syscall.POSIX_FALLOCATE, fd(file) + ", " + offset + ", " + length,
                () -> kernel.objects().posixFallocate(process, file, offset, length));
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        return call(Syscall.FSTAT, fd(file), () -> kernel.objects().fstat(process, file));
    }

    @Override
    public void close(OpenFile file) {
        run(Syscall.CLOSE, fd(file), () -> kernel.objects().close(process, file));
    }

    private static String fd(OpenFile file) {
        return file == null ? "-1" : String.valueOf(file.fd());
    }

    // ---------------------------------------------------------------- mappings

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        return call(Syscall.MMAP, "NULL, " + length + ", " + Protection.describe(prot) + ", " + MapFlags.describe(flags) + ", " + fd(file)
                + ", " + offset, () -> kernel.memory().mmap(process, length, prot, flags, file, offset));
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        return call(Syscall.MMAP, "NULL, " + length + ", " + Protection.describe(prot) + ", "
                + MapFlags.describe(flags | MapFlags.MAP_ANONYMOUS) + ", -1, 0",
                () -> kernel.memory().mmapAnonymous(process, length, prot, flags));
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        run(Syscall.MSYNC, hex(mapping.address() + offset) + ", " + length + ", " + flags,
                () -> kernel.memory().msync(process, mapping, offset, length, flags));
    }

    @Override
    public void munmap(Mapping mapping) {
        run(Syscall.MUNMAP, hex(mapping.address()) + ", " + mapping.length(), () -> kernel.memory().munmap(process, mapping));
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        run(Syscall.MUNMAP, hex(mapping.address() + offset) + ", " + length,
                () -> kernel.memory().munmap(process, mapping, offset, length));
    }

    @Override
    public Mapping mappingAt(long address) {
        return call(Syscall.MAPPING_AT, hex(address), () -> kernel.memory().mappingAt(process, address));
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    // ---------------------------------------------------------------- semaphores

    private GlibcSemaphore glibc() {
        return machine.semaphores();
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return call(Syscall.SEM_OPEN, quoted(name) + ", " + OpenFlags.describe(oflag),
                () -> machine.namedSemaphores().open(process, name, oflag & ~io.shmlab.api.OpenFlags.O_CREAT, 0, 0));
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return call(Syscall.SEM_OPEN, quoted(name) + ", " + OpenFlags.describe(oflag) + ", 0" + Integer.toOctalString(mode) + ", " + value,
                () -> machine.namedSemaphores().open(process, name, oflag, mode, value));
    }

    @Override
    public void semClose(Semaphore sem) {
        run(Syscall.SEM_CLOSE, sem.describe(), () -> machine.namedSemaphores().close(process, sem));
    }

    @Override
    public void semUnlink(String name) {
        run(Syscall.SEM_UNLINK, quoted(name), () -> machine.namedSemaphores().unlink(process, name));
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        long address = mapping.address() + offset;
        SemaphorePointer sem = SemaphorePointer.in(mapping, offset);
        run(Syscall.SEM_INIT, hex(address) + ", " + (pshared ? 1 : 0) + ", " + value,
                () -> glibc().init(process, sem, pshared, value));
        return sem;
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return SemaphorePointer.in(mapping, offset);
    }

    @Override
    public void semDestroy(Semaphore sem) {
        run(Syscall.SEM_DESTROY, sem.describe(), () -> {
            if (sem.name() != null) {
                machine.semaphoreRegistry().reportMisuse(process,
                        "sem_destroy(" + sem.describe() + ") of a named semaphore (sem_close it instead)");
            }
            glibc().destroy(process, sem);
        });
    }

    private GlibcSemaphore.WaitResult waitOnce(Semaphore sem, Syscall call, boolean tryOnly, long deadline) {
        return call(call, sem.describe(), () -> {
            if (sem.name() != null) {
                machine.namedSemaphores().checkNotClosed(process, sem, call.cName());
            }
            return glibc().wait(process, sem, tryOnly, deadline, call.cName());
        });
    }

    @Override
    public void semWait(Semaphore sem) {
        while (waitOnce(sem, Syscall.SEM_WAIT, false, Long.MAX_VALUE) == GlibcSemaphore.WaitResult.INTERRUPTED) {
            // EINTR: wait again, as a C program loops on it
        }
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        return waitOnce(sem, Syscall.SEM_TRYWAIT, true, Long.MAX_VALUE) == GlibcSemaphore.WaitResult.ACQUIRED;
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        if (!deadline.valid()) {
            // glibc 2.36 checks tv_nsec before anything else
            run(Syscall.SEM_TIMEDWAIT, sem.describe() + ", {" + deadline.seconds() + ", " + deadline.nanos() + "}", () -> {
                throw new PosixException(Errno.EINVAL, Syscall.SEM_TIMEDWAIT, sem.describe());
            });
        }
        long at = deadlineNanos(deadline);
        GlibcSemaphore.WaitResult r;
        do {
            r = waitOnce(sem, Syscall.SEM_TIMEDWAIT, false, at);
        } while (r == GlibcSemaphore.WaitResult.INTERRUPTED);
        return r == GlibcSemaphore.WaitResult.ACQUIRED;
    }

    /** The deadline in nanoseconds; one too far to count is as good as never (but still a deadline). */
    private static long deadlineNanos(Timespec t) {
        try {
            return Math.min(t.toNanos(), Long.MAX_VALUE - 1);
        } catch (ArithmeticException overflow) {
            return t.seconds() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE - 1;
        }
    }

    @Override
    public void semPost(Semaphore sem) {
        run(Syscall.SEM_POST, sem.describe(), () -> {
            if (sem.name() != null) {
                machine.namedSemaphores().checkNotClosed(process, sem, Syscall.SEM_POST.cName());
            }
            glibc().post(process, sem);
        });
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        return call(Syscall.SEM_GETVALUE, sem.describe(), () -> {
            return glibc().getValue(process, sem);
        });
    }

    // ---------------------------------------------------------------- process

    @Override
    public Timespec clockGettime() {
        return call(Syscall.CLOCK_GETTIME, "CLOCK_REALTIME", () -> Timespec.ofNanos(kernel.dispatcher().now()));
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new PosixException(Errno.EINVAL, Syscall.NANOSLEEP, duration.toString());
        }
        run(Syscall.NANOSLEEP, duration.toString(), () -> {
            long now = kernel.dispatcher().now();
            long until;
            try {
                until = Math.addExact(now, duration.toNanos());
            } catch (ArithmeticException tooLong) {
                until = Long.MAX_VALUE - 1;
            }
            kernel.processes().sleepUntil(process, until);
        });
    }

    @Override
    public void print(String text) {
        int length = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        call(Syscall.WRITE, "1, " + quoted(text) + ", " + length, () -> {
            process.console().write(text);
            return length;
        });
    }

    @Override
    public String readLine() {
        ProcessInput input = process.input();
        while (true) {
            String[] line = new String[1];
            boolean done = call(Syscall.READ, "0", () -> {
                if (!input.ready()) {
                    return false;
                }
                try {
                    line[0] = input.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            });
            if (done) {
                return line[0];
            }
            try {
                input.awaitReady();
            } catch (InterruptedException e) {
                process.checkPendingSignal();
            }
        }
    }

    @Override
    public int fork(Program child) {
        return call(Syscall.FORK, "", () -> machine.fork(process, child));
    }

    @Override
    public int waitpid(int pid) {
        return call(Syscall.WAITPID, String.valueOf(pid), () -> kernel.processes().waitpid(process, pid));
    }

    /**
     * Ends this process with a status: models exit(3) for a process of {@link SimMachine#spawn()},
     * whose program is the caller's own code. Its mappings and descriptors go.
     */
    public void exit(int status) {
        machine.exit(process, new io.shmlab.api.Ending.Exited(status & 0xFF));
    }

    @Override
    public String toString() {
        return "SimOs[" + process + "]";
    }
}
