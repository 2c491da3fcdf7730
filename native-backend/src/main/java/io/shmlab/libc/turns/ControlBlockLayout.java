package io.shmlab.libc.turns;

import io.shmlab.api.layout.SemT;

/**
 * Descriptor of the control block of an ordered run: one shared memory object holding the order of
 * turns, the cursor, one record per process and the semaphores that hand the turn from process to
 * process. N is the number of processes, S the number of turns; every field is a native-endian
 * {@code int} unless said; each semaphore is a {@code sem_t} as {@link SemT} describes it, at an
 * offset aligned for it.
 *
 * <pre>
 * offset
 *      0  +--------------------------------------+
 *         | magic       (MAGIC once initialised) |
 *      4  | processes   N                        |
 *      8  | turns       S                        |
 *     12  | cursor      the turn now due, 0..S   |
 *     16  +--------------------------------------+
 *         | mutex (sem_t, 32 B, value 1)         |  guards cursor and records
 *     48  +--------------------------------------+
 *         | turnstile[0] (sem_t, 32 B)           |  posted when process 0's turn comes
 *         | ... turnstile[N-1]                   |
 *  48+32N +--------------------------------------+
 *         | process[i] (16 B each):              |
 *         |   +0 state  +4 turn  +8 pid  +12 tid |
 *  48+48N +--------------------------------------+
 *         | turn[k] (32 B each):                 |
 *         |   +0 owner (process index)           |
 *         |   +4 kind (TurnKind ordinal)         |
 *         |   +8 wakes (bit i: wakes process i)  |
 *         |  +12 call (C name, 20 B, NUL-padded) |
 *  48+48N+32S +----------------------------------+  = size(N, S)
 * </pre>
 *
 * <p>A <em>conducted</em> run (a C program under the preloaded turnstile, whose parent decides every
 * turn as it goes: {@link ConductedBlock}) has no turn records (S = 0); its N is the run's capacity
 * (the processes it starts and {@link #FORK_ROOM} more for those they fork), and the conductor's section
 * follows the process records. The C side reads these offsets from a header generated from this class
 * ({@link CLayoutHeader}), so the two cannot disagree.
 *
 * <pre>
 * C = conductorOffset(N) = 48+48N
 *  C+0    doorbell (sem_t)      posted by a process each time it parks, blocks, resumes or ends
 *  C+32   flags                 bit 0: sleeps take real time
 *  C+36   started               the processes the conductor started (slots 0..started-1)
 *  C+40   slots used            started, plus one per process a fork added
 *  C+44   arrivals              stamps each park, in the order processes arrive at their calls
 *  C+48   names                 how many names the table holds
 *  C+56   call record[i] (320 B each, i &lt; N):
 *           +0 call (C name, 20 B)  +20 blocks  +24 arrival  +28 errno  +32 result (long)
 *           +40 wait address (long)  +48 sleep nanos (long)  +56 parent  +60 exit status
 *           +64 text: the call as C writes it (192 B)  +256 result text (64 B)
 *  C+56+320N  name[j] (256 B each, j &lt; MAX_NAMES): +0 kind (1 object, 2 semaphore), +4 name (252 B)
 *             = conductedSize(N)
 * </pre>
 */
public final class ControlBlockLayout {
    /** "TURN" in ASCII: written last by the creator, so a half-made block is never taken for a whole one. */
    public static final int MAGIC = 0x5455524E;

    /** The magic word. */
    public static final long MAGIC_OFFSET = 0;
    /** N, the number of processes. */
    public static final long PROCESSES_OFFSET = MAGIC_OFFSET + Integer.BYTES;
    /** S, the number of turns. */
    public static final long TURNS_OFFSET = PROCESSES_OFFSET + Integer.BYTES;
    /** The index of the turn now due; S once every turn has been taken. */
    public static final long CURSOR_OFFSET = TURNS_OFFSET + Integer.BYTES;
    /** The mutex guarding the cursor and the process records (a multiple of {@link SemT#ALIGNMENT}). */
    public static final long MUTEX_OFFSET = CURSOR_OFFSET + Integer.BYTES;
    /** The first turnstile. */
    public static final long TURNSTILES_OFFSET = MUTEX_OFFSET + SemT.SIZE;

    /** A process record's state ({@link ProcessState} ordinal). */
    public static final long PROCESS_STATE = 0;
    /** The turn the process entered its current call on. */
    public static final long PROCESS_TURN = PROCESS_STATE + Integer.BYTES;
    /** The process's pid. */
    public static final long PROCESS_PID = PROCESS_TURN + Integer.BYTES;
    /** The kernel thread id of the thread making the calls. */
    public static final long PROCESS_TID = PROCESS_PID + Integer.BYTES;
    /** The size of a process record. */
    public static final long PROCESS_RECORD_SIZE = PROCESS_TID + Integer.BYTES;

    /** A turn's owner: the index of the process whose turn it is. */
    public static final long TURN_OWNER = 0;
    /** A turn's kind ({@link TurnKind} ordinal). */
    public static final long TURN_KIND = TURN_OWNER + Integer.BYTES;
    /** The processes a turn's call wakes from a futex wait: bit i for process i. */
    public static final long TURN_WAKES = TURN_KIND + Integer.BYTES;
    /** A turn's call name, NUL-padded. */
    public static final long TURN_CALL = TURN_WAKES + Integer.BYTES;
    /** The room for a call name, its NUL included. */
    public static final int CALL_NAME_BYTES = 20;
    /** The most processes a block can order (one bit each in a turn's wakes). */
    public static final int MAX_PROCESSES = Integer.SIZE;
    /** The size of a turn record. */
    public static final long TURN_RECORD_SIZE = TURN_CALL + CALL_NAME_BYTES;

    /** Room for the processes a conducted run's programs fork, beyond those it starts. */
    public static final int FORK_ROOM = 8;

    /** The doorbell, from the conductor's section: the conductor waits on it. */
    public static final long DOORBELL = 0;
    /** Flags of a conducted run ({@link #FLAG_REAL_TIME}). */
    public static final long FLAGS = DOORBELL + SemT.SIZE;
    /** Sleeps take real time (else they take no time: a virtual clock moves when no process may run). */
    public static final int FLAG_REAL_TIME = 1;
    /** How many processes the conductor started. */
    public static final long STARTED = FLAGS + Integer.BYTES;
    /** How many slots are used: the started processes, then one per process a fork added. */
    public static final long SLOTS_USED = STARTED + Integer.BYTES;
    /** The arrival counter: each park takes the next stamp. */
    public static final long ARRIVALS = SLOTS_USED + Integer.BYTES;
    /** How many names the names table holds. */
    public static final long NAMES = ARRIVALS + Integer.BYTES;
    /** The first call record (8-aligned). */
    public static final long CALL_RECORDS = NAMES + Integer.BYTES + Integer.BYTES;

    /** A call record's call (C name, NUL-padded): the call the process is at or in. */
    public static final long CALL_NAME = 0;
    /** How the call blocks: {@link #BLOCKS_NOT}, {@link #BLOCKS_UNTIMED}, {@link #BLOCKS_TIMED}, {@link #BLOCKS_VIRTUAL}. */
    public static final long CALL_BLOCKS = CALL_NAME + CALL_NAME_BYTES;
    /** The arrival stamp of the process's last park. */
    public static final long CALL_ARRIVAL = CALL_BLOCKS + Integer.BYTES;
    /** The errno of the last call that came back (0 when it succeeded). */
    public static final long CALL_ERRNO = CALL_ARRIVAL + Integer.BYTES;
    /** What the last call that came back returned. */
    public static final long CALL_RESULT = CALL_ERRNO + Integer.BYTES;
    /** The address of the futex word a blocking call sleeps on, in the process's own address space. */
    public static final long CALL_WAIT_ADDRESS = CALL_RESULT + Long.BYTES;
    /** How long a sleep is, in nanoseconds. */
    public static final long CALL_SLEEP_NANOS = CALL_WAIT_ADDRESS + Long.BYTES;
    /** The slot of the process whose fork made this one; -1 for a process the conductor started. */
    public static final long CALL_PARENT = CALL_SLEEP_NANOS + Long.BYTES;
    /** The status the process's exit was called with. */
    public static final long CALL_EXIT_STATUS = CALL_PARENT + Integer.BYTES;
    /** The call as C writes it, with its arguments (NUL-terminated). */
    public static final long CALL_TEXT = CALL_EXIT_STATUS + Integer.BYTES;
    /** The room for a call's text. */
    public static final int CALL_TEXT_BYTES = 192;
    /** What the last call that came back returned, in words ({@code fd 3}, {@code -1 EEXIST}). */
    public static final long CALL_RESULT_TEXT = CALL_TEXT + CALL_TEXT_BYTES;
    /** The room for a result's text. */
    public static final int CALL_RESULT_TEXT_BYTES = 64;
    /** The size of a call record. */
    public static final long CALL_RECORD_SIZE = CALL_RESULT_TEXT + CALL_RESULT_TEXT_BYTES;

    /** The call does not block. */
    public static final int BLOCKS_NOT = 0;
    /** The call sleeps on a futex with no deadline (sem_wait on 0). */
    public static final int BLOCKS_UNTIMED = 1;
    /** The call sleeps with a deadline (sem_timedwait on 0, a sleep in real time). */
    public static final int BLOCKS_TIMED = 2;
    /** A sleep that takes no real time: the process waits on its turnstile until the virtual clock comes. */
    public static final int BLOCKS_VIRTUAL = 3;

    /** A name entry's kind: 1 a shared memory object, 2 a named semaphore. */
    public static final long NAME_KIND = 0;
    /** A name entry's name, as given to shm_open or sem_open. */
    public static final long NAME_TEXT = NAME_KIND + Integer.BYTES;
    /** The room for a name. */
    public static final int NAME_TEXT_BYTES = 252;
    /** The size of a name entry. */
    public static final long NAME_ENTRY_SIZE = NAME_TEXT + NAME_TEXT_BYTES;
    /** The most names a conducted run records as made by its processes. */
    public static final int MAX_NAMES = 64;
    /** A name entry of a shared memory object. */
    public static final int NAME_OBJECT = 1;
    /** A name entry of a named semaphore. */
    public static final int NAME_SEMAPHORE = 2;

    private ControlBlockLayout() {
    }

    /** Where the conductor's section starts in a conducted block of capacity {@code n} (no turns). */
    public static long conductorOffset(int n) {
        return turnOffset(n, 0);
    }

    /** The call record of process {@code i} in a conducted block of capacity {@code n}. */
    public static long callRecordOffset(int n, int i) {
        return conductorOffset(n) + CALL_RECORDS + i * CALL_RECORD_SIZE;
    }

    /** Name entry {@code j} in a conducted block of capacity {@code n}. */
    public static long nameOffset(int n, int j) {
        return callRecordOffset(n, n) + j * NAME_ENTRY_SIZE;
    }

    /** The size of a conducted block of capacity {@code n}. */
    public static long conductedSize(int n) {
        return nameOffset(n, MAX_NAMES);
    }

    /** The turnstile of process {@code i}. */
    public static long turnstileOffset(int i) {
        return TURNSTILES_OFFSET + i * SemT.SIZE;
    }

    /** The record of process {@code i} in a block for {@code n} processes. */
    public static long processOffset(int n, int i) {
        return TURNSTILES_OFFSET + n * SemT.SIZE + i * PROCESS_RECORD_SIZE;
    }

    /** The record of turn {@code k} in a block for {@code n} processes. */
    public static long turnOffset(int n, int k) {
        return processOffset(n, n) + k * TURN_RECORD_SIZE;
    }

    /** The size of a block for {@code n} processes and {@code s} turns. */
    public static long size(int n, int s) {
        return turnOffset(n, s);
    }
}
