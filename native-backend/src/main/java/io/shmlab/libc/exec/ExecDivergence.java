package io.shmlab.libc.exec;

/** The run left the order forced on it: the message says where (which process, which call expected, which came). */
public final class ExecDivergence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message where the run left the order */
    public ExecDivergence(String message) {
        super(message);
    }
}
