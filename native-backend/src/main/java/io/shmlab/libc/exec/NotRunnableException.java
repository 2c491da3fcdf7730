package io.shmlab.libc.exec;

/**
 * A C program that cannot run under the turnstile here, or cannot be built: a static binary (the
 * preload never reaches its calls), a file that is not a dynamically linked ELF executable, no C
 * compiler. The message is one line saying why.
 */
public final class NotRunnableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public NotRunnableException(String message) {
        super(message);
    }
}
