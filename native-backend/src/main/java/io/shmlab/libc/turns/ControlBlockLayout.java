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

    private ControlBlockLayout() {
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
