package io.shmlab.api;

/**
 * A call into the operating system failed: it returned -1 (or SEM_FAILED, or MAP_FAILED) and set
 * errno. Both backends throw it with the same errno for the same misuse.
 *
 * <p>The message reads like perror(3) with the call and its argument, for example
 * {@code shm_open("/os_cp"): EEXIST (File exists)}. An expected non-success is not an exception:
 * {@link Os#semTrywait} on zero and a {@link Os#semTimedwait} that times out return {@code false}.
 */
public class PosixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final int number;
    private final String call;
    private final String argument;

    /**
     * @param errno the error
     * @param call the C function that failed, e.g. {@code "shm_open"}
     * @param argument what it was called on, already rendered (a name in quotes, an offset), or
     *     {@code null}
     */
    public PosixException(Errno errno, String call, String argument) {
        this(errno, errno.number(), call, argument);
    }

    /** The same, for a raw errno number that may not be listed in {@link Errno}. */
    public PosixException(int number, String call, String argument) {
        this(Errno.of(number), number, call, argument);
    }

    /** A failure of one of the calls an {@link Os} models, named by its C name. */
    public PosixException(Errno errno, Syscall call, String argument) {
        this(errno, call.cName(), argument);
    }

    /** The same, for a raw errno number. */
    public PosixException(int number, Syscall call, String argument) {
        this(number, call.cName(), argument);
    }

    private PosixException(Errno errno, int number, String call, String argument) {
        super(render(errno, number, call, argument));
        this.errno = errno;
        this.number = number;
        this.call = call;
        this.argument = argument;
    }

    /** A failure of a call on a name, quoted as C would print the string: {@code shm_open("/x")}. */
    public static PosixException onName(Errno errno, String call, String name) {
        return new PosixException(errno, call, quote(name));
    }

    /** A failure of a call on a name: {@code shm_open("/x")}. */
    public static PosixException onName(Errno errno, Syscall call, String name) {
        return onName(errno, call.cName(), name);
    }

    /** The name in double quotes, with quotes and backslashes escaped; {@code NULL} for null. */
    public static String quote(String name) {
        if (name == null) {
            return "NULL";
        }
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String render(Errno errno, int number, String call, String argument) {
        String name = errno == Errno.UNKNOWN ? "errno " + number : errno.name();
        String where = argument == null ? call : call + "(" + argument + ")";
        return where + ": " + name + " (" + errno.description() + ")";
    }

    /** The error. */
    public Errno errno() {
        return errno;
    }

    /** The raw errno number, which differs from {@code errno().number()} only for UNKNOWN. */
    public int number() {
        return number;
    }

    /** The C function that failed, e.g. {@code "sem_open"}. */
    public String call() {
        return call;
    }

    /** What the call was made on, as rendered in the message, or {@code null}. */
    public String argument() {
        return argument;
    }
}
