package io.shmlab.cli;

/**
 * A mistake a user can make (an unknown lab, a bad name, a token that is not one): shown as one line,
 * never with a stack trace, and the command exits with {@link ExitCodes#USAGE}.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line saying what is wrong and, where it helps, what is right */
    public UsageError(String message) {
        super(message);
    }
}
