package io.shmlab.libc.turns;

import static io.shmlab.libc.turns.ControlBlockLayout.CALL_NAME_BYTES;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Syscall;
import io.shmlab.api.Timespec;
import io.shmlab.api.Unlink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The conductor's side of a conducted run's control block: the processes (C programs under the
 * preloaded turnstile) say where they are, and the conductor, their parent, decides every turn.
 *
 * <p>The protocol, from a process's side (the C library does it before and after each call it wraps):
 * <ol>
 *   <li><b>park</b>: under the mutex, write the call (C name and text) into its call record, take an
 *       arrival stamp and become {@link ProcessState#WAITING_TURN}; post the doorbell; wait on its
 *       turnstile.</li>
 *   <li>the conductor gives it the turn: under the mutex {@link ProcessState#IN_CALL}, then its
 *       turnstile is posted ({@link #giveTurn}).</li>
 *   <li>a call that does not block runs, writes its result, and the process runs its own code up to its
 *       next park (or its end: {@link ProcessState#ENDED}, doorbell). A call that would block (a
 *       sem_wait on 0: sem_trywait fails) says so itself: {@link ProcessState#BLOCKED} with how it
 *       blocks and the futex it will sleep on, doorbell, then really sleeps in the kernel; when the call
 *       comes back it parks again as {@link ProcessState#AWAIT_RESUME}, and goes on when the conductor
 *       gives it that turn. A sleep that takes no real time says {@link ProcessState#BLOCKED} with
 *       {@link ControlBlockLayout#BLOCKS_VIRTUAL} and waits on its turnstile for the virtual clock.</li>
 * </ol>
 * So at every choice each process is parked at a call, blocked in one, or gone: the code between
 * calls never runs beside another process's, and a schedule means the same thing every time.
 */
public final class ConductedBlock implements AutoCloseable {
    /** A name a process of the run made in /dev/shm. */
    public record MadeName(boolean semaphore, String name) {
        /** Its entry in /dev/shm: {@code x} for the object {@code /x}, {@code sem.x} for the semaphore {@code /x}. */
        public String entry() {
            return semaphore ? ShmNamespace.semaphoreFile(name) : ShmNamespace.objectFile(name);
        }

        /**
         * Removes it (sem_unlink or shm_unlink) if it is there: true when it was removed, false when it
         * was not there.
         */
        public boolean unlinkIfPresent(Os os) {
            return semaphore ? Unlink.semIfPresent(os, name) : Unlink.shmIfPresent(os, name);
        }

        /** As a clean-up names what it removed: {@code /x}, or {@code semaphore /x}. */
        public String shown() {
            return (semaphore ? "semaphore " : "") + name;
        }
    }

    private final ControlBlock block;
    private final Mapping mapping;
    private final Os os;
    private final int capacity;
    private final long section;
    private final Semaphore doorbell;

    private ConductedBlock(ControlBlock block) {
        this.block = block;
        this.mapping = block.mapping();
        this.os = block.os();
        this.capacity = block.processes();
        this.section = ControlBlockLayout.conductorOffset(capacity);
        this.doorbell = os.semAt(mapping, section + ControlBlockLayout.DOORBELL);
    }

    /**
     * Creates the block under a new name ({@code O_CREAT | O_EXCL}, mode 0600).
     *
     * @param started how many processes the conductor starts (slots 0 to started - 1)
     * @param realTime whether sleeps take real time
     */
    public static ConductedBlock create(Os os, String name, int started, boolean realTime) {
        return new ConductedBlock(ControlBlock.createConducted(os, name, started, realTime));
    }

    /** How many slots are in use: the started processes and those their forks added. Under the mutex. */
    public int slotsUsed() {
        return Math.min(capacity, mapping.getInt(section + ControlBlockLayout.SLOTS_USED));
    }

    /** Takes the mutex. */
    public void lock() {
        block.lock();
    }

    /** Gives the mutex back. */
    public void unlock() {
        block.unlock();
    }

    /** Waits for a process to ring, at most {@code patience}; true when one did. */
    public boolean awaitDoorbell(Duration patience) {
        Timespec now = os.clockGettime();
        return os.semTimedwait(doorbell, Timespec.ofNanos(now.toNanos() + patience.toNanos()));
    }

    /** Process {@code i}'s state. Under the mutex. */
    public ProcessState state(int i) {
        return block.state(i);
    }

    /** Gives process {@code i} its turn: {@link ProcessState#IN_CALL}, then its turnstile posted. Under the mutex. */
    public void giveTurn(int i) {
        block.setState(i, ProcessState.IN_CALL);
        block.postTurnstile(i);
    }

    /** Process {@code i}'s pid, 0 until it has started. */
    public int pid(int i) {
        return block.pid(i);
    }

    /** The kernel thread id process {@code i} makes its calls from. */
    public int tid(int i) {
        return block.tid(i);
    }

    /** The call process {@code i} is at or in. */
    public Syscall call(int i) {
        return Syscall.ofCName(mapping.getCString(record(i) + ControlBlockLayout.CALL_NAME, CALL_NAME_BYTES));
    }

    /** The call process {@code i} is at or in, as C writes it. */
    public String callText(int i) {
        return mapping.getCString(record(i) + ControlBlockLayout.CALL_TEXT, ControlBlockLayout.CALL_TEXT_BYTES);
    }

    /** What process {@code i}'s last call that came back returned, in words. */
    public String resultText(int i) {
        return mapping.getCString(record(i) + ControlBlockLayout.CALL_RESULT_TEXT, ControlBlockLayout.CALL_RESULT_TEXT_BYTES);
    }

    /** How process {@code i}'s call blocks ({@link ControlBlockLayout#BLOCKS_NOT} ...). */
    public int blocks(int i) {
        return mapping.getInt(record(i) + ControlBlockLayout.CALL_BLOCKS);
    }

    /** The futex word process {@code i}'s blocking call sleeps on, in its own address space. */
    public long waitAddress(int i) {
        return mapping.getLong(record(i) + ControlBlockLayout.CALL_WAIT_ADDRESS);
    }

    /** How long process {@code i}'s sleep is. */
    public long sleepNanos(int i) {
        return mapping.getLong(record(i) + ControlBlockLayout.CALL_SLEEP_NANOS);
    }

    /** The arrival stamp of process {@code i}'s last park. */
    public int arrival(int i) {
        return mapping.getInt(record(i) + ControlBlockLayout.CALL_ARRIVAL);
    }

    /** The status process {@code i}'s exit was called with. */
    public int exitStatus(int i) {
        return mapping.getInt(record(i) + ControlBlockLayout.CALL_EXIT_STATUS);
    }

    /** The names the processes made in /dev/shm (those that did not exist when made). Under the mutex. */
    public List<MadeName> madeNames() {
        int count = Math.min(ControlBlockLayout.MAX_NAMES, mapping.getInt(section + ControlBlockLayout.NAMES));
        List<MadeName> names = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            long entry = ControlBlockLayout.nameOffset(capacity, j);
            String name = mapping.getCString(entry + ControlBlockLayout.NAME_TEXT, ControlBlockLayout.NAME_TEXT_BYTES);
            names.add(new MadeName(mapping.getInt(entry + ControlBlockLayout.NAME_KIND) == ControlBlockLayout.NAME_SEMAPHORE, name));
        }
        return names;
    }

    private long record(int i) {
        if (i < 0 || i >= capacity) {
            throw new IndexOutOfBoundsException("process " + i + " of " + capacity);
        }
        return ControlBlockLayout.callRecordOffset(capacity, i);
    }

    /** Unmaps the block; the name stays until {@link ControlBlock#unlink}. */
    @Override
    public void close() {
        block.close();
    }
}
