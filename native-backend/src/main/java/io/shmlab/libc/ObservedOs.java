package io.shmlab.libc;

import io.shmlab.api.FileStatus;
import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The program's handle in a child JVM, watched for the parent: it counts the calls of the program
 * that returned (or failed: either way the call is over), which is what a run's progress is (every
 * call but {@code print}: a program that only prints in a loop makes no progress), and
 * remembers what a semaphore wait waits on ({@code /myData's semaphore} for a {@code sem_t} inside
 * that object's mapping, {@code the semaphore /x} for a named one), so that a process stopped in the wait can say so.
 *
 * <p>The count is written by the program's thread and read by the thread reporting it; the
 * increment is an atomic add, a few nanoseconds beside any system call.
 */
final class ObservedOs extends ForwardingOs {
    private final AtomicLong returned = new AtomicLong();
    private final Map<Semaphore, String> objects = Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile String waitingOn;

    ObservedOs(Os delegate) {
        super(delegate);
    }

    /** How many calls of the program have returned so far. */
    long returnedCalls() {
        return returned.get();
    }

    /** What the semaphore wait the program is in waits on, or {@code null} when it is in none. */
    String waitingOn() {
        return waitingOn;
    }

    private void returned() {
        returned.incrementAndGet();
    }

    private Semaphore remember(Semaphore sem, Mapping mapping) {
        if (mapping.objectName() != null) {
            objects.put(sem, mapping.objectName());
        }
        return sem;
    }

    /** {@code the semaphore /x} for a named one, {@code /myData's semaphore} for one inside an object. */
    private String objectOf(Semaphore sem) {
        if (sem.name() != null) {
            return "the semaphore " + sem.name();
        }
        String object = objects.get(sem);
        return object == null ? null : object + "'s semaphore";
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        try {
            return delegate.shmOpen(name, oflag, mode);
        } finally {
            returned();
        }
    }

    @Override
    public void shmUnlink(String name) {
        try {
            delegate.shmUnlink(name);
        } finally {
            returned();
        }
    }

    @Override
    public OpenFile open(String path, int oflag, int mode) {
        try {
            return delegate.open(path, oflag, mode);
        } finally {
            returned();
        }
    }

    @Override
    public void ftruncate(OpenFile file, long length) {
        try {
            delegate.ftruncate(file, length);
        } finally {
            returned();
        }
    }

    @Override
    public void posixFallocate(OpenFile file, long offset, long length) {
        try {
            delegate.posixFallocate(file, offset, length);
        } finally {
            returned();
        }
    }

    @Override
    public FileStatus fstat(OpenFile file) {
        try {
            return delegate.fstat(file);
        } finally {
            returned();
        }
    }

    @Override
    public void close(OpenFile file) {
        try {
            delegate.close(file);
        } finally {
            returned();
        }
    }

    @Override
    public Mapping mmap(long length, int prot, int flags, OpenFile file, long offset) {
        try {
            return delegate.mmap(length, prot, flags, file, offset);
        } finally {
            returned();
        }
    }

    @Override
    public Mapping mmapAnonymous(long length, int prot, int flags) {
        try {
            return delegate.mmapAnonymous(length, prot, flags);
        } finally {
            returned();
        }
    }

    @Override
    public void msync(Mapping mapping, long offset, long length, int flags) {
        try {
            delegate.msync(mapping, offset, length, flags);
        } finally {
            returned();
        }
    }

    @Override
    public void munmap(Mapping mapping) {
        try {
            delegate.munmap(mapping);
        } finally {
            returned();
        }
    }

    @Override
    public void munmap(Mapping mapping, long offset, long length) {
        try {
            delegate.munmap(mapping, offset, length);
        } finally {
            returned();
        }
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        try {
            return delegate.semOpen(name, oflag);
        } finally {
            returned();
        }
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        try {
            return delegate.semOpen(name, oflag, mode, value);
        } finally {
            returned();
        }
    }

    @Override
    public void semClose(Semaphore sem) {
        try {
            delegate.semClose(sem);
        } finally {
            returned();
        }
    }

    @Override
    public void semUnlink(String name) {
        try {
            delegate.semUnlink(name);
        } finally {
            returned();
        }
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        try {
            return remember(delegate.semInit(mapping, offset, pshared, value), mapping);
        } finally {
            returned();
        }
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        try {
            return remember(delegate.semAt(mapping, offset), mapping);
        } finally {
            returned();
        }
    }

    @Override
    public void semDestroy(Semaphore sem) {
        try {
            delegate.semDestroy(sem);
        } finally {
            returned();
        }
    }

    @Override
    public void semWait(Semaphore sem) {
        waitingOn = objectOf(sem);
        try {
            delegate.semWait(sem);
        } finally {
            waitingOn = null;
            returned();
        }
    }

    @Override
    public boolean semTrywait(Semaphore sem) {
        try {
            return delegate.semTrywait(sem);
        } finally {
            returned();
        }
    }

    @Override
    public boolean semTimedwait(Semaphore sem, Timespec deadline) {
        waitingOn = objectOf(sem);
        try {
            return delegate.semTimedwait(sem, deadline);
        } finally {
            waitingOn = null;
            returned();
        }
    }

    @Override
    public void semPost(Semaphore sem) {
        try {
            delegate.semPost(sem);
        } finally {
            returned();
        }
    }

    @Override
    public int semGetvalue(Semaphore sem) {
        try {
            return delegate.semGetvalue(sem);
        } finally {
            returned();
        }
    }

    @Override
    public Timespec clockGettime() {
        try {
            return delegate.clockGettime();
        } finally {
            returned();
        }
    }

    @Override
    public void sleep(Duration duration) {
        try {
            delegate.sleep(duration);
        } finally {
            returned();
        }
    }

    @Override
    public String readLine() {
        try {
            return delegate.readLine();
        } finally {
            returned();
        }
    }

    @Override
    public int fork(Program child) {
        try {
            return delegate.fork(child);
        } finally {
            returned();
        }
    }

    @Override
    public int waitpid(int pid) {
        try {
            return delegate.waitpid(pid);
        } finally {
            returned();
        }
    }
}
