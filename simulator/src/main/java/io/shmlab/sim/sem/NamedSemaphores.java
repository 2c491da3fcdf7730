package io.shmlab.sim.sem;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.PosixException;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.SemT;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.MappedRegion;
import io.shmlab.sim.kernel.MemoryObject;
import io.shmlab.sim.kernel.ShmName;
import io.shmlab.sim.kernel.TmpfsSpace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named semaphores as glibc 2.36 makes them (nptl/sem_open.c, sem_close.c, sem_unlink.c): the
 * semaphore {@code /NAME} is a 32-byte file {@code sem.NAME} in /dev/shm holding a {@code sem_t},
 * which sem_open maps MAP_SHARED into the process (and then closes the descriptor). So it shows in
 * the namespace listing as {@code sem.NAME}, and a process mapping it at its own address still
 * meets the others on the same futex.
 *
 * <p>Per process, glibc keeps a table of the files it mapped, by file and name as given: opening the
 * same semaphore twice by the same name gives the same pointer and counts a reference; sem_close drops one, and unmaps at the last (so a use
 * after the last close is a SIGSEGV, as on Linux); a pointer it does not know is EINVAL.
 *
 * <p>Errors, as measured on Linux with glibc 2.36: a name glibc refuses is EINVAL for sem_open and
 * ENOENT for sem_unlink; {@code sem.NAME} longer than 255 bytes is ENAMETOOLONG; a value above
 * SEM_VALUE_MAX is EINVAL when the call would create (O_CREAT with O_EXCL, or no such semaphore), and
 * is not looked at when O_CREAT alone opens an existing one; opening needs read and write permission (EACCES).
 * A call that would create writes the 32-byte {@code sem_t} into a temporary file of /dev/shm before it
 * links it under the name: when the tmpfs has no page left that write fails, ENOSPC, even with O_EXCL
 * on a name that exists (glibc writes before it links); opening an existing semaphore allocates nothing.
 */
public final class NamedSemaphores {
    /**
     * What glibc finds an open semaphore by: the file and the name exactly as given (measured:
     * "/x", "//x" and "x" opened in one process are three mappings of one semaphore).
     */
    private record Key(long object, String name) {
    }

    /** One semaphore file mapped in one process. */
    private static final class Opened {
        final Key key;
        final MemoryObject object;
        final MappedRegion region;
        int references;

        Opened(Key key, MemoryObject object, MappedRegion region) {
            this.key = key;
            this.object = object;
            this.region = region;
        }
    }

    private final GlibcSemaphore semaphores;
    private final SemaphoreRegistry registry;
    private final Map<Integer, Map<Key, Opened>> byProcess = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Long>> closedByProcess = new ConcurrentHashMap<>();

    public NamedSemaphores(GlibcSemaphore semaphores, SemaphoreRegistry registry) {
        this.semaphores = semaphores;
        this.registry = registry;
    }

    private Map<Key, Opened> table(KernelProcess p) {
        return byProcess.computeIfAbsent(p.pid(), k -> new HashMap<>());
    }

    /** Models sem_open(3); {@code create} tells whether the four-argument form was used. */
    public Semaphore open(KernelProcess caller, String name, int oflag, int mode, long value) {
        boolean create = (oflag & OpenFlags.O_CREAT) != 0;
        boolean exclusive = create && (oflag & OpenFlags.O_EXCL) != 0;
        boolean badValue = value < 0 || value > Limits.SEM_VALUE_MAX;
        String file;
        try {
            file = ShmName.semaphoreFile(name, Errno.EINVAL, "sem_open");
        } catch (PosixException e) {
            // with O_EXCL glibc checks the value before the kernel sees the name (when it links the
            // new file); without, the kernel's open of the name comes first
            if (e.errno() == Errno.ENAMETOOLONG && exclusive && badValue) {
                throw PosixException.onName(Errno.EINVAL, "sem_open", name);
            }
            throw e;
        }
        var directory = caller.kernel().objects().shmDirectory();
        boolean existed = directory.containsKey(file);
        // glibc opens an existing semaphore first unless O_EXCL, and checks the value only on the way
        // to creating one: so O_CREAT with a too large value opens an existing semaphore fine
        if (create && (exclusive || !existed) && badValue) {
            throw PosixException.onName(Errno.EINVAL, "sem_open", name);
        }
        int flags = (oflag & ~OpenFlags.O_ACCMODE) | OpenFlags.O_RDWR;
        // glibc writes the new sem_t into a temporary file first: its page is allocated before the link
        boolean writes = create && (exclusive || !existed);
        TmpfsSpace space = caller.kernel().tmpfs();
        if (writes && !space.charge(1)) {
            throw PosixException.onName(Errno.ENOSPC, "sem_open", name);
        }
        MemoryObject object;
        try {
            object = caller.kernel().objects().openOrCreate(directory, file, "/" + file, MemoryObject.Kind.SHARED_MEMORY,
                    caller, name, flags, mode, "sem_open", badValue ? null : "value " + value);
        } catch (PosixException e) {
            if (writes) {
                space.release(1); // the temporary file goes
            }
            throw e;
        }
        Map<Key, Opened> table = table(caller);
        Key key = new Key(object.id(), ShmName.asC(name));
        Opened opened = table.get(key);
        if (opened == null) {
            if (!existed) {
                object.resize(SemT.SIZE);
                object.allocateCharged(0);
            }
            MappedRegion region = caller.kernel().memory().mapObject(caller, object, SemT.SIZE,
                    Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED);
            if (!existed) {
                semaphores.initialiseFresh(caller, region.address(), value);
            }
            opened = new Opened(key, object, region);
            table.put(key, opened);
        }
        opened.references++;
        Set<Long> closed = closedByProcess.get(caller.pid());
        if (closed != null) {
            closed.remove(opened.region.address());
        }
        return SemaphorePointer.named(name, opened.region);
    }

    /** Models sem_close(3). */
    public void close(KernelProcess caller, Semaphore sem) {
        if (sem.name() == null) {
            // taken from a mapping: never a pointer sem_open returned, whatever lies at its address
            throw new PosixException(Errno.EINVAL, "sem_close", sem.describe());
        }
        if (sem instanceof SemaphorePointer p && !p.mappedIn(caller)) {
            // closed for the last time already: another semaphore at the same address is not this one
            throw new PosixException(Errno.EINVAL, "sem_close", sem.describe());
        }
        Map<Key, Opened> table = table(caller);
        Opened found = null;
        for (Opened o : table.values()) {
            if (o.region.address() == sem.address()) {
                found = o;
                break;
            }
        }
        if (found == null) {
            throw new PosixException(Errno.EINVAL, "sem_close", sem.describe());
        }
        if (--found.references == 0) {
            table.remove(found.key);
            caller.kernel().memory().munmap(caller, found.region);
            closedByProcess.computeIfAbsent(caller.pid(), k -> new HashSet<>()).add(sem.address());
        }
    }

    /** Models sem_unlink(3): the name goes; the semaphore lives while open. */
    public void unlink(KernelProcess caller, String name) {
        String file = ShmName.semaphoreFile(name, Errno.ENOENT, "sem_unlink");
        var objects = caller.kernel().objects();
        objects.unlink(objects.shmDirectory(), file, caller, name, "sem_unlink");
    }

    /** Reports a use of a named semaphore this process closed for the last time (then Linux faults). */
    public void checkNotClosed(KernelProcess caller, Semaphore sem, String call) {
        Set<Long> closed = closedByProcess.get(caller.pid());
        if (closed != null && closed.contains(sem.address())) {
            registry.report(caller, call + "(" + sem.describe() + ") after sem_close");
        }
    }

    /** A child of fork(2) inherits the table (it is in the parent's memory). */
    public void forked(KernelProcess parent, KernelProcess child) {
        Map<Key, Opened> parentTable = table(parent);
        Map<Key, Opened> childTable = table(child);
        for (Opened o : parentTable.values()) {
            MappedRegion childRegion = child.kernel().memory().mappingAt(child, o.region.address());
            Opened copy = new Opened(o.key, o.object, childRegion);
            copy.references = o.references;
            childTable.put(o.key, copy);
        }
    }

    /** The process ended: its table goes with its memory. */
    public void exited(KernelProcess process) {
        byProcess.remove(process.pid());
        closedByProcess.remove(process.pid());
    }
}
