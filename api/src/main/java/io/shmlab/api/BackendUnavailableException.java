package io.shmlab.api;

/** A backend was asked for where it cannot run (the native one off Linux/glibc), or is unknown. */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line a user can act on */
    public BackendUnavailableException(String message) {
        super(message);
    }

    /** @param message one line a user can act on; @param cause what failed underneath */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
