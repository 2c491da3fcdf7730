package io.shmlab.sim.kernel;

import io.shmlab.api.Limits;
import io.shmlab.api.ShmSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated kernel of one machine: the shared memory namespace, the file system, the process
 * table, the {@link FutexTable}, and the {@link Dispatcher} that runs the processes. It is independent
 * of which dispatcher it is given: the direct one (real threads, real time) or a scheduler.
 *
 * <p>The system calls are grouped by what they act on: {@link #objects()} (shm_open, open,
 * ftruncate, ...), {@link #memory()} (mmap, munmap, msync) and {@link #processes()} (fork, waitpid,
 * exit). Every call is made by a process between {@link Dispatcher#enter} and {@link Dispatcher#exit},
 * so no two calls run at once.
 */
public final class Kernel {
    /** Where the C library every process maps lives on a Debian x86_64 system. */
    public static final String C_LIBRARY_PATH = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    /** How much of the address space the C library's mappings take (about what glibc 2.36's do). */
    private static final long C_LIBRARY_SIZE = 2L * 1024 * 1024;

    /** The first pid handed out. */
    public static final int FIRST_PID = 1000;

    private final Dispatcher dispatcher;
    private final long seed;
    private final AtomicInteger nextPid = new AtomicInteger(FIRST_PID);
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, MemoryObject> shm = new ConcurrentSkipListMap<>();
    private final Map<String, MemoryObject> files = new ConcurrentSkipListMap<>();
    private final Map<Integer, KernelProcess> table = new ConcurrentSkipListMap<>();
    private final MemoryObject cLibrary;
    private final ObjectCalls objectCalls = new ObjectCalls(this);
    private final MemoryCalls memoryCalls = new MemoryCalls(this);
    private final ProcessCalls processCalls = new ProcessCalls(this);
    private final FutexTable futexes;
    private final TmpfsSpace tmpfs;

    /**
     * A kernel whose /dev/shm holds {@link ShmSize#NOMINAL}.
     *
     * @param dispatcher who runs the processes
     * @param seed the seed virtual addresses are drawn from (with each pid)
     */
    public Kernel(Dispatcher dispatcher, long seed) {
        this(dispatcher, seed, ShmSize.NOMINAL);
    }

    /**
     * @param dispatcher who runs the processes
     * @param seed the seed virtual addresses are drawn from (with each pid)
     * @param shmSize the capacity of /dev/shm
     */
    public Kernel(Dispatcher dispatcher, long seed, ShmSize shmSize) {
        this.dispatcher = dispatcher;
        this.seed = seed;
        this.tmpfs = new TmpfsSpace(this, shmSize);
        this.futexes = new FutexTable(dispatcher);
        this.cLibrary = new MemoryObject(newId(), MemoryObject.Kind.REGULAR_FILE, C_LIBRARY_PATH, 0, 0755,
                C_LIBRARY_SIZE);
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Where the kernel tells what the running process touches (see {@link TouchLog}). */
    public TouchLog touches() {
        return dispatcher.touches();
    }

    /** The capacity of /dev/shm and the pages its objects hold. */
    public TmpfsSpace tmpfs() {
        return tmpfs;
    }

    /** Who waits on which futex word, and the deadlock check. */
    public FutexTable futexes() {
        return futexes;
    }

    public long seed() {
        return seed;
    }

    public ObjectCalls objects() {
        return objectCalls;
    }

    public MemoryCalls memory() {
        return memoryCalls;
    }

    public ProcessCalls processes() {
        return processCalls;
    }

    long newId() {
        return nextId.getAndIncrement();
    }

    Map<String, MemoryObject> shmNamespace() {
        return shm;
    }

    Map<String, MemoryObject> fileSystem() {
        return files;
    }

    /**
     * A new process with an empty address space drawn from {@code layoutSeed}, no descriptors open
     * and no parent.
     */
    public KernelProcess newProcess(String label, int uid, long layoutSeed) {
        int pid = nextPid.getAndIncrement();
        KernelProcess p = new KernelProcess(this, pid, 0, label, uid,
                AddressSpace.create(newId(), layoutSeed, pid, cLibrary, this), new DescriptorTable());
        table.put(pid, p);
        return p;
    }

    /** A new process with the machine's seed. */
    public KernelProcess newProcess(String label, int uid) {
        return newProcess(label, uid, seed);
    }

    /** A child of fork(2): labelled after its parent ("A.1003"), with copies of its memory map and descriptors. */
    KernelProcess newChild(KernelProcess parent) {
        int pid = nextPid.getAndIncrement();
        String label = parent.label() == null ? null : parent.label() + "." + pid;
        KernelProcess child = new KernelProcess(this, pid, parent.pid(), label, parent.uid(),
                parent.space().forkCopy(newId()), parent.descriptors().copy());
        child.setUmask(parent.umask());
        table.put(pid, child);
        return child;
    }

    /** The process with this pid, or null. */
    public KernelProcess process(int pid) {
        return table.get(pid);
    }

    /** Every process, ended ones included, by pid. */
    public List<KernelProcess> allProcesses() {
        return new ArrayList<>(table.values());
    }

    /** The names in /dev/shm, sorted, without a leading slash: what {@code ls /dev/shm} shows. */
    public List<String> listShm() {
        return new ArrayList<>(shm.keySet());
    }

    /** The object a name of /dev/shm refers to (without a slash: {@code "os_cp"}, {@code "sem.x"}), or null. */
    public MemoryObject shmObject(String fileName) {
        return shm.get(fileName);
    }

    /** The regular file at a path, or null. */
    public MemoryObject file(String path) {
        return files.get(path);
    }

    /**
     * The memory side of a power loss: /dev/shm (RAM) is empty afterwards, and every regular file
     * reads back what msync(2) wrote to the disk. Ending the processes is the machine's job.
     */
    public void losePower() {
        shm.clear();
        tmpfs.empty();
        for (MemoryObject f : files.values()) {
            f.loseUnsyncedPages();
        }
    }

    /** Bytes of page frames held by all named objects and files: what the simulation costs. */
    public long residentBytes() {
        long pages = 0;
        for (MemoryObject o : shm.values()) {
            pages += o.residentPages();
        }
        for (MemoryObject o : files.values()) {
            pages += o.residentPages();
        }
        return pages * Limits.PAGE_SIZE;
    }
}
