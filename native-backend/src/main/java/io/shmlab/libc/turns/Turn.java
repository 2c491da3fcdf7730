package io.shmlab.libc.turns;

/**
 * One turn of an ordered run.
 *
 * @param owner the index of the process whose turn it is (0 for A, 1 for B, ...)
 * @param kind what the turn is for
 * @param call the C name of the call ({@code "sem_wait"}), {@code "exit"} for an exit turn
 */
public record Turn(int owner, TurnKind kind, String call) {

    /** Validates. */
    public Turn {
        if (owner < 0) {
            throw new IllegalArgumentException("owner=" + owner);
        }
        if (kind == null || call == null || call.isEmpty()
                || call.length() >= ControlBlockLayout.CALL_NAME_BYTES || !call.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("turn " + kind + " " + call);
        }
    }

    @Override
    public String toString() {
        return owner + " " + kind + " " + call;
    }
}
