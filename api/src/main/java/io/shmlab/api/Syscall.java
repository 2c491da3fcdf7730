package io.shmlab.api;

import io.shmlab.api.Footprint.Resource;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of what a process does, one constant per call the {@link Os} models (and the few
 * steps a run has besides: a process's exit, a load or store through a mapping): its C name, spelled
 * here once, and what it touches. The simulator's trace, the turns of an ordered run on real
 * processes, and error messages all name a call by its constant, so they cannot disagree on a name.
 *
 * <p>What a call touches is its {@linkplain #footprint() footprint} (the kind of resource, read or
 * written) and its {@linkplain #effects() effects} on processes (whether it may block, wake another,
 * start, wait for or end a process): the data a partial-order reduction needs to decide which steps
 * commute.
 *
 * <p>{@link Kind#CALL}s are system calls: each is a scheduling point of the simulator, a step of its
 * trace and a turn of an ordered run. {@link Kind#LOCAL} calls are answered from the process's own
 * record (getpid, getuid): no scheduling point, no turn. {@link Kind#ACCESS}es are loads and stores
 * through a mapping, steps only at per-access granularity.
 */
public enum Syscall {
    /** getpid(2): {@link Os#pid()}. */
    GETPID("getpid", Kind.LOCAL, Resource.OWN_PROCESS, Access.READ),
    /** getuid(2): {@link Os#uid()}. */
    GETUID("getuid", Kind.LOCAL, Resource.OWN_PROCESS, Access.READ),
    /** umask(2). */
    UMASK("umask", Kind.CALL, Resource.OWN_PROCESS, Access.WRITE),

    /** shm_open(3): looks a name up in /dev/shm, perhaps creating the object. */
    SHM_OPEN("shm_open", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** shm_unlink(3). */
    SHM_UNLINK("shm_unlink", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** open(2) of a regular file, perhaps creating it. */
    OPEN("open", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** unlink(2) of a regular file (the simulator's own processes only). */
    UNLINK("unlink", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** ftruncate(2): an object's size, which decides SIGBUS for every mapping of it. */
    FTRUNCATE("ftruncate", Kind.CALL, Resource.OBJECT, Access.WRITE),
    /** posix_fallocate(3). */
    POSIX_FALLOCATE("posix_fallocate", Kind.CALL, Resource.OBJECT, Access.WRITE),
    /** fstat(2). */
    FSTAT("fstat", Kind.CALL, Resource.OBJECT, Access.READ),
    /** close(2): the process's own descriptor table. */
    CLOSE("close", Kind.CALL, Resource.OWN_PROCESS, Access.WRITE),

    /** mmap(2), of an object or anonymous: the process's own address space. */
    MMAP("mmap", Kind.CALL, Resource.OWN_PROCESS, Access.WRITE),
    /** msync(2): writes pages back to their file. */
    MSYNC("msync", Kind.CALL, Resource.OBJECT, Access.WRITE),
    /** munmap(2). */
    MUNMAP("munmap", Kind.CALL, Resource.OWN_PROCESS, Access.WRITE),
    /** Dereferencing a pointer: the mapping that holds an address ({@link Os#mappingAt}); no C call. */
    MAPPING_AT("mapping_at", Kind.CALL, Resource.OWN_PROCESS, Access.READ),

    /** sem_open(3): a {@code sem.NAME} of /dev/shm, perhaps created. */
    SEM_OPEN("sem_open", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** sem_close(3): the process's own list of named semaphores. */
    SEM_CLOSE("sem_close", Kind.CALL, Resource.OWN_PROCESS, Access.WRITE),
    /** sem_unlink(3). */
    SEM_UNLINK("sem_unlink", Kind.CALL, Resource.NAMES, Access.WRITE),
    /** sem_init(3): stores the value and the waiter count 0, whoever waits. */
    SEM_INIT("sem_init", Kind.CALL, Resource.SEMAPHORE, Access.WRITE),
    /** sem_destroy(3). */
    SEM_DESTROY("sem_destroy", Kind.CALL, Resource.SEMAPHORE, Access.WRITE),
    /** sem_wait(3): may sleep on the semaphore's futex. */
    SEM_WAIT("sem_wait", Kind.CALL, Resource.SEMAPHORE, Access.WRITE, Effect.BLOCKS),
    /** sem_trywait(3). */
    SEM_TRYWAIT("sem_trywait", Kind.CALL, Resource.SEMAPHORE, Access.WRITE),
    /** sem_timedwait(3): may sleep on the futex until its deadline. */
    SEM_TIMEDWAIT("sem_timedwait", Kind.CALL, Resource.SEMAPHORE, Access.WRITE, Effect.BLOCKS),
    /** sem_post(3): may wake a waiter. */
    SEM_POST("sem_post", Kind.CALL, Resource.SEMAPHORE, Access.WRITE, Effect.WAKES),
    /** sem_getvalue(3). */
    SEM_GETVALUE("sem_getvalue", Kind.CALL, Resource.SEMAPHORE, Access.READ),

    /** clock_gettime(2) of CLOCK_REALTIME. */
    CLOCK_GETTIME("clock_gettime", Kind.CALL, Resource.CLOCK, Access.READ),
    /** nanosleep(2): {@link Os#sleep}. */
    NANOSLEEP("nanosleep", Kind.CALL, Resource.CLOCK, Access.READ, Effect.BLOCKS),
    /** write(2) on standard output: {@link Os#print}. */
    WRITE("write", Kind.CALL, Resource.CONSOLE, Access.WRITE),
    /** read(2) on standard input: {@link Os#readLine}. */
    READ("read", Kind.CALL, Resource.CONSOLE, Access.READ, Effect.BLOCKS),
    /** fork(2). */
    FORK("fork", Kind.CALL, Resource.PROCESSES, Access.WRITE, Effect.CREATES_PROCESS),
    /** waitpid(2): waits for a child to end. */
    WAITPID("waitpid", Kind.CALL, Resource.PROCESSES, Access.WRITE, Effect.BLOCKS, Effect.WAITS_FOR_PROCESS),
    /** The end of a process (exit(3), a signal): its memory goes and a waiting parent wakes. */
    EXIT("exit", Kind.CALL, Resource.PROCESSES, Access.WRITE, Effect.ENDS_PROCESS, Effect.WAKES),

    /** A load through a mapping. */
    LOAD("load", Kind.ACCESS, Resource.MEMORY, Access.READ),
    /** A store (or an atomic read-modify-write) through a mapping. */
    STORE("store", Kind.ACCESS, Resource.MEMORY, Access.WRITE);

    /** Which kind of step a call is. */
    public enum Kind {
        /** A system call: a scheduling point, a step of the trace, a turn of an ordered run. */
        CALL,
        /** Answered from the process's own record: no scheduling point, no step, no turn. */
        LOCAL,
        /** A load or store through a mapping: a step at per-access granularity only. */
        ACCESS
    }

    /** What a call may do to processes. */
    public enum Effect {
        /** It may block the caller until another process or the clock wakes it. */
        BLOCKS,
        /** It may wake processes blocked on a futex. */
        WAKES,
        /** It starts a process. */
        CREATES_PROCESS,
        /** It waits for another process to end. */
        WAITS_FOR_PROCESS,
        /** It ends the caller. */
        ENDS_PROCESS
    }

    private static final Map<String, Syscall> BY_C_NAME = new HashMap<>();

    static {
        for (Syscall s : values()) {
            BY_C_NAME.put(s.cName, s);
        }
    }

    private final String cName;
    private final Kind kind;
    private final Footprint footprint;
    private final EnumSet<Effect> effects;

    Syscall(String cName, Kind kind, Resource resource, Access access, Effect... effects) {
        this.cName = cName;
        this.kind = kind;
        this.footprint = Footprint.of(resource, access);
        this.effects = effects.length == 0 ? EnumSet.noneOf(Effect.class) : EnumSet.of(effects[0], effects);
    }

    /** The call as C names it (and the trace prints it): {@code "sem_wait"}. */
    public String cName() {
        return cName;
    }

    /** Which kind of step it is. */
    public Kind kind() {
        return kind;
    }

    /** Whether it is a system call: a scheduling point, a step of the trace, a turn of an ordered run. */
    public boolean scheduled() {
        return kind == Kind.CALL;
    }

    /**
     * What any call of it touches: every resource of its kind, read or written. A step that knows
     * which one (a name, a range) may carry a narrower footprint.
     */
    public Footprint footprint() {
        return footprint;
    }

    /** What it may do to processes. */
    public Set<Effect> effects() {
        return EnumSet.copyOf(effects);
    }

    /** Whether it has an effect. */
    public boolean has(Effect effect) {
        return effects.contains(effect);
    }

    /**
     * The call of a C name.
     *
     * @throws IllegalArgumentException when no call has that name
     */
    public static Syscall ofCName(String cName) {
        Syscall s = BY_C_NAME.get(cName);
        if (s == null) {
            throw new IllegalArgumentException("no call is named " + PosixException.quote(cName));
        }
        return s;
    }

    /** The C name. */
    @Override
    public String toString() {
        return cName;
    }
}
