package io.shmlab.exec;

/** A search met a program that does not run the same way twice under the same choices: it cannot go on. */
public final class NotRepeatableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public NotRepeatableException(String message) {
        super(message);
    }
}
