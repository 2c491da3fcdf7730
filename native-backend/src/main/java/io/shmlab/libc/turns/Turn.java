package io.shmlab.libc.turns;

import io.shmlab.api.Syscall;

/**
 * One turn of an ordered run.
 *
 * @param owner the index of the process whose turn it is (0 for A, 1 for B, ...)
 * @param kind what the turn is for
 * @param call the call ({@link Syscall#SEM_WAIT}), {@link Syscall#EXIT} for an exit turn
 * @param wakes the processes the call wakes from a futex wait, bit i for process i (a sem_post that
 *     wakes a waiter)
 */
public record Turn(int owner, TurnKind kind, Syscall call, int wakes) {

    /** A turn that wakes nobody. */
    public Turn(int owner, TurnKind kind, Syscall call) {
        this(owner, kind, call, 0);
    }

    /** Whether the call wakes process {@code i}. */
    public boolean wakes(int i) {
        return (wakes >>> i & 1) != 0;
    }

    /** Validates. */
    public Turn {
        if (owner < 0 || owner >= ControlBlockLayout.MAX_PROCESSES) {
            throw new IllegalArgumentException("owner=" + owner);
        }
        if (kind == null || call == null || !call.scheduled()
                || call.cName().length() >= ControlBlockLayout.CALL_NAME_BYTES) {
            throw new IllegalArgumentException("turn " + kind + " " + call);
        }
    }

    @Override
    public String toString() {
        return owner + " " + kind + " " + call + (wakes == 0 ? "" : " wakes 0x" + Integer.toHexString(wakes));
    }
}
