package io.shmlab.libc.turns;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static io.shmlab.libc.turns.ControlBlockLayout.CALL_NAME_BYTES;
import static io.shmlab.libc.turns.ControlBlockLayout.CURSOR_OFFSET;
import static io.shmlab.libc.turns.ControlBlockLayout.MAGIC;
import static io.shmlab.libc.turns.ControlBlockLayout.MAGIC_OFFSET;
import static io.shmlab.libc.turns.ControlBlockLayout.MUTEX_OFFSET;
import static io.shmlab.libc.turns.ControlBlockLayout.PROCESSES_OFFSET;
import static io.shmlab.libc.turns.ControlBlockLayout.PROCESS_PID;
import static io.shmlab.libc.turns.ControlBlockLayout.PROCESS_STATE;
import static io.shmlab.libc.turns.ControlBlockLayout.PROCESS_TID;
import static io.shmlab.libc.turns.ControlBlockLayout.PROCESS_TURN;
import static io.shmlab.libc.turns.ControlBlockLayout.TURNS_OFFSET;
import static io.shmlab.libc.turns.ControlBlockLayout.TURN_CALL;
import static io.shmlab.libc.turns.ControlBlockLayout.TURN_KIND;
import static io.shmlab.libc.turns.ControlBlockLayout.TURN_OWNER;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Syscall;
import io.shmlab.api.Timespec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control block of an ordered run, mapped in one process: made by the supervisor with
 * shm_open(3), ftruncate(2), mmap(2) and sem_init(3), opened by each child. Every call goes through
 * an {@link Os} handle of its own, never the program's, so the program's calls are not disturbed.
 *
 * <p>The cursor and the process records are read and written only under the mutex; the turn records
 * are written once, before the magic word, and only read afterwards.
 */
public final class ControlBlock implements AutoCloseable {
    private final Os os;
    private final Mapping mapping;
    private final int processes;
    private final int turns;

    private ControlBlock(Os os, Mapping mapping) {
        this.os = os;
        this.mapping = mapping;
        this.processes = mapping.getInt(PROCESSES_OFFSET);
        this.turns = mapping.getInt(TURNS_OFFSET);
    }

    /**
     * Creates the block under a new name ({@code O_CREAT | O_EXCL}, mode 0600), with the cursor at
     * the first turn and that turn's owner's turnstile posted.
     *
     * @throws io.shmlab.api.PosixException EEXIST when the name is taken
     */
    public static ControlBlock create(Os os, String name, TurnOrder order) {
        int n = order.processes();
        int s = order.size();
        int firstOwner = s > 0 && order.turn(0).wakes() == 0 ? order.turn(0).owner() : -1;
        Mapping m = made(os, name, ControlBlockLayout.size(n, s), n, s, firstOwner);
        for (int k = 0; k < s; k++) {
            Turn t = order.turn(k);
            long record = ControlBlockLayout.turnOffset(n, k);
            m.putInt(record + TURN_OWNER, t.owner());
            m.putInt(record + TURN_KIND, t.kind().ordinal());
            m.putInt(record + ControlBlockLayout.TURN_WAKES, t.wakes());
            byte[] padded = new byte[CALL_NAME_BYTES];
            byte[] call = t.call().cName().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(call, 0, padded, 0, call.length);
            m.putBytes(record + TURN_CALL, padded);
        }
        m.putInt(MAGIC_OFFSET, MAGIC);
        return new ControlBlock(os, m);
    }

    /**
     * Creates the block of a conducted run ({@link ConductedBlock}): no turns, room for {@code started}
     * processes and {@link ControlBlockLayout#FORK_ROOM} more, every turnstile and the doorbell at 0,
     * every process {@link ProcessState#STARTING}.
     *
     * @throws io.shmlab.api.PosixException EEXIST when the name is taken
     */
    static ControlBlock createConducted(Os os, String name, int started, boolean realTime) {
        int n = Math.min(ControlBlockLayout.MAX_PROCESSES, started + ControlBlockLayout.FORK_ROOM);
        if (started < 1 || started > n) {
            throw new IllegalArgumentException("started=" + started + ": a conducted run takes 1 to "
                    + (ControlBlockLayout.MAX_PROCESSES - ControlBlockLayout.FORK_ROOM) + " processes");
        }
        Mapping m = made(os, name, ControlBlockLayout.conductedSize(n), n, 0, -1);
        long c = ControlBlockLayout.conductorOffset(n);
        os.semInit(m, c + ControlBlockLayout.DOORBELL, true, 0);
        m.putInt(c + ControlBlockLayout.FLAGS, realTime ? ControlBlockLayout.FLAG_REAL_TIME : 0);
        m.putInt(c + ControlBlockLayout.STARTED, started);
        m.putInt(c + ControlBlockLayout.SLOTS_USED, started);
        m.putInt(c + ControlBlockLayout.ARRIVALS, 0);
        m.putInt(c + ControlBlockLayout.NAMES, 0);
        for (int i = 0; i < n; i++) {
            m.putInt(ControlBlockLayout.callRecordOffset(n, i) + ControlBlockLayout.CALL_PARENT, -1);
        }
        m.putInt(MAGIC_OFFSET, MAGIC);
        return new ControlBlock(os, m);
    }

    /**
     * Makes a block's object under a new name ({@code O_CREAT | O_EXCL}, mode 0600) and maps it, with
     * what every block starts with: the numbers of processes and turns, the cursor at the first turn,
     * the mutex, and every process {@link ProcessState#STARTING} with its turnstile at 0 but for
     * {@code posted}'s (the first turn's owner, or -1 for none), at 1. The magic word is the caller's
     * to write, last.
     */
    private static Mapping made(Os os, String name, long size, int processes, int turns, int posted) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        Mapping m;
        try {
            os.ftruncate(fd, size);
            m = os.mmap(size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        } finally {
            os.close(fd);
        }
        m.putInt(PROCESSES_OFFSET, processes);
        m.putInt(TURNS_OFFSET, turns);
        m.putInt(CURSOR_OFFSET, 0);
        os.semInit(m, MUTEX_OFFSET, true, 1);
        for (int i = 0; i < processes; i++) {
            os.semInit(m, ControlBlockLayout.turnstileOffset(i), true, i == posted ? 1 : 0);
            long record = ControlBlockLayout.processOffset(processes, i);
            m.putInt(record + PROCESS_STATE, ProcessState.STARTING.ordinal());
            m.putInt(record + PROCESS_TURN, -1);
            m.putInt(record + PROCESS_PID, 0);
            m.putInt(record + PROCESS_TID, 0);
        }
        return m;
    }

    /** The block's mapping, for the conductor's view of it. */
    Mapping mapping() {
        return mapping;
    }

    /** The handle the block's calls go through. */
    Os os() {
        return os;
    }

    /** Posts process {@code i}'s turnstile: its turn has come. */
    void postTurnstile(int i) {
        os.semPost(turnstile(i));
    }

    /**
     * Opens a block another process made.
     *
     * @throws IllegalStateException when the object is not a whole control block
     */
    public static ControlBlock open(Os os, String name) {
        return mapOpened(os, os.shmOpen(name, O_RDWR, 0), name);
    }

    /**
     * Opens a block another process made, by a path of the file system: a process in another mount
     * namespace reaches the block through its maker's root ({@code /proc/PID/root/dev/shm/NAME}).
     *
     * @throws IllegalStateException when the file is not a whole control block
     */
    public static ControlBlock openPath(Os os, String path) {
        return mapOpened(os, os.open(path, O_RDWR, 0), path);
    }

    private static ControlBlock mapOpened(Os os, OpenFile fd, String name) {
        Mapping m;
        try {
            long size = os.fstat(fd).size();
            if (size < ControlBlockLayout.TURNSTILES_OFFSET) {
                throw new IllegalStateException(name + " is not a control block: " + size + " bytes");
            }
            m = os.mmap(size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        } finally {
            os.close(fd);
        }
        if (m.getInt(MAGIC_OFFSET) != MAGIC) {
            os.munmap(m);
            throw new IllegalStateException(name + " is not a control block (no magic word)");
        }
        return new ControlBlock(os, m);
    }

    /** N. */
    public int processes() {
        return processes;
    }

    /** S. */
    public int turns() {
        return turns;
    }

    /** Takes the mutex: sem_wait(3). */
    public void lock() {
        os.semWait(os.semAt(mapping, MUTEX_OFFSET));
    }

    /**
     * Takes the mutex unless it stays held for {@code patience}: sem_timedwait(3). The supervisor
     * uses it, so that a child killed while holding the mutex cannot hold the parent forever.
     */
    public boolean tryLock(Duration patience) {
        Timespec now = os.clockGettime();
        long deadline = Math.addExact(now.toNanos(), patience.toNanos());
        return os.semTimedwait(os.semAt(mapping, MUTEX_OFFSET), Timespec.ofNanos(deadline));
    }

    /** Gives the mutex back: sem_post(3). */
    public void unlock() {
        os.semPost(os.semAt(mapping, MUTEX_OFFSET));
    }

    /** Waits on process {@code i}'s turnstile until its turn comes. */
    public void awaitTurn(int i) {
        os.semWait(turnstile(i));
    }

    private Semaphore turnstile(int i) {
        checkProcess(i);
        return os.semAt(mapping, ControlBlockLayout.turnstileOffset(i));
    }

    /** The turn now due; S once all are taken. Under the mutex. */
    public int cursor() {
        return mapping.getInt(CURSOR_OFFSET);
    }

    /**
     * Moves the cursor to the next turn and, if that turn is taken by its owner and wakes nobody, posts
     * the owner's turnstile. A turn that wakes someone is held until the supervisor has made ready the
     * processes it wakes, then {@link #release}d. Under the mutex.
     */
    public void advance() {
        int next = cursor() + 1;
        if (next > turns) {
            throw new IllegalStateException("the cursor is past the last turn");
        }
        mapping.putInt(CURSOR_OFFSET, next);
        if (next < turns && kind(next).postsOwner() && wakes(next) == 0) {
            os.semPost(turnstile(owner(next)));
        }
    }

    /** Posts the owner of the turn due, held because it wakes someone. Under the mutex. */
    public void release() {
        int k = cursor();
        if (k < turns && kind(k).postsOwner()) {
            os.semPost(turnstile(owner(k)));
        }
    }

    /** Turn {@code k}'s owner. */
    public int owner(int k) {
        return mapping.getInt(turnRecord(k) + TURN_OWNER);
    }

    /** Turn {@code k}'s kind. */
    public TurnKind kind(int k) {
        return TurnKind.values()[mapping.getInt(turnRecord(k) + TURN_KIND)];
    }

    /** The processes turn {@code k}'s call wakes, bit i for process i. */
    public int wakes(int k) {
        return mapping.getInt(turnRecord(k) + ControlBlockLayout.TURN_WAKES);
    }

    /** Turn {@code k}'s call, kept in the block by its C name. */
    public Syscall call(int k) {
        return Syscall.ofCName(mapping.getCString(turnRecord(k) + TURN_CALL, CALL_NAME_BYTES));
    }

    /** Turn {@code k} as a whole. */
    public Turn turn(int k) {
        return new Turn(owner(k), kind(k), call(k), wakes(k));
    }

    /** The order the block holds. */
    public TurnOrder order() {
        List<Turn> all = new ArrayList<>(turns);
        for (int k = 0; k < turns; k++) {
            all.add(turn(k));
        }
        return new TurnOrder(processes, all);
    }

    /** Process {@code i}'s state. Under the mutex. */
    public ProcessState state(int i) {
        return ProcessState.values()[mapping.getInt(processRecord(i) + PROCESS_STATE)];
    }

    /** Sets process {@code i}'s state. Under the mutex. */
    public void setState(int i, ProcessState state) {
        mapping.putInt(processRecord(i) + PROCESS_STATE, state.ordinal());
    }

    /** The turn process {@code i} entered its current call on (-1 before any). Under the mutex. */
    public int enteredOn(int i) {
        return mapping.getInt(processRecord(i) + PROCESS_TURN);
    }

    /** Records the turn process {@code i} entered its current call on. Under the mutex. */
    public void setEnteredOn(int i, int k) {
        mapping.putInt(processRecord(i) + PROCESS_TURN, k);
    }

    /** Process {@code i}'s pid, 0 until it records it. */
    public int pid(int i) {
        return mapping.getInt(processRecord(i) + PROCESS_PID);
    }

    /** The kernel thread id process {@code i} makes its calls from, 0 until it records it. */
    public int tid(int i) {
        return mapping.getInt(processRecord(i) + PROCESS_TID);
    }

    /** Records where process {@code i}'s calling thread is. Under the mutex. */
    public void setThread(int i, int pid, int tid) {
        mapping.putInt(processRecord(i) + PROCESS_PID, pid);
        mapping.putInt(processRecord(i) + PROCESS_TID, tid);
    }

    private long processRecord(int i) {
        checkProcess(i);
        return ControlBlockLayout.processOffset(processes, i);
    }

    private long turnRecord(int k) {
        if (k < 0 || k >= turns) {
            throw new IndexOutOfBoundsException("turn " + k + " of " + turns);
        }
        return ControlBlockLayout.turnOffset(processes, k);
    }

    private void checkProcess(int i) {
        if (i < 0 || i >= processes) {
            throw new IndexOutOfBoundsException("process " + i + " of " + processes);
        }
    }

    /** Unmaps the block (munmap(2)); the name stays until {@link #unlink}. */
    @Override
    public void close() {
        os.munmap(mapping);
    }

    /** Removes a block's name: shm_unlink(3). */
    public static void unlink(Os os, String name) {
        os.shmUnlink(name);
    }
}
