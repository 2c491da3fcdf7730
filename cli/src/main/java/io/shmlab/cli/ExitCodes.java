package io.shmlab.cli;

/** The exit statuses of the {@code shmlab} command. */
public final class ExitCodes {
    /** Everything ran and every process exited with status 0. */
    public static final int OK = 0;
    /** A program failed: a process exited non-zero, was killed, or blocked forever; or a call failed. */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown lab or option, a bad value. */
    public static final int USAGE = 2;
    /** The backend asked for cannot run here. */
    public static final int UNAVAILABLE = 3;
    /** A bug in shmlab itself. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
