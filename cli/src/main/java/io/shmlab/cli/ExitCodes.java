package io.shmlab.cli;

/**
 * The exit statuses of the {@code shmlab} command, one table for {@code --help} and the README
 * ({@link #TABLE}).
 */
public final class ExitCodes {
    /** Everything ran and every process exited with status 0; explore found no failing schedule. */
    public static final int OK = 0;
    /**
     * A failure was found: a process exited non-zero, was killed, blocked forever (deadlock) or made no
     * progress (timeout); a failing schedule was found; a call failed; rm named nothing that exists.
     */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown command, lab or option, a bad value. */
    public static final int USAGE = 2;
    /** The backend asked for cannot run here. */
    public static final int UNAVAILABLE = 3;
    /** A bug in shmlab itself. */
    public static final int INTERNAL = 70;
    /** Ended by Ctrl-C (SIGINT): 128 + 2, as the JVM exits on the signal. */
    public static final int INTERRUPTED = 130;
    /** Ended by SIGTERM: 128 + 15. */
    public static final int TERMINATED = 143;

    /** The table, as {@code shmlab --help} prints it. */
    static final String[] TABLE = {
        "  0    ok: every process exited with status 0; explore found no failing schedule",
        "       (its summary says whether the search was complete or bounded by its budget)",
        "  1    a failure: a process failed, was killed, blocked forever (DEADLOCK) or made no progress (TIMEOUT);",
        "       a failing schedule found; a call failed; rm named something that does not exist",
        "  2    usage error: an unknown command, lab or option, or a bad value",
        "  3    the backend asked for cannot run here",
        "  70   an internal error of shmlab (-v shows its stack trace)",
        "  130  interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: what the command made is removed first,",
        "       and explore prints what it counted so far",
        "  128+N  an interactive lab's process killed by signal N, as a shell shows it (135 SIGBUS, 139 SIGSEGV)",
    };

    private ExitCodes() {
    }
}
