package io.shmlab.replay;

/** A schedule that cannot be forced on real processes; the message is one line saying why. */
public final class NotReplayableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line saying why */
    public NotReplayableException(String message) {
        super(message);
    }
}
