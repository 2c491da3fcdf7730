package io.shmlab.libc;

import io.shmlab.api.Signal;

/**
 * The lines a child JVM writes on its standard error to tell the parent how it ended, which an exit
 * status alone cannot say: the call it was blocked in when told to stop, or the memory fault that
 * would have killed a C process. Each is one line starting with {@link #PREFIX}; every other line of
 * standard error is the program's own.
 *
 * <pre>
 * PREFIX exit STATUS           the program returned STATUS
 * PREFIX fault SIGNAL DETAIL   an uncaught MemoryFault: killed by SIGBUS or SIGSEGV
 * PREFIX stopped CALL          stopped at the timeout while blocked in CALL
 * PREFIX stopped -             stopped at the timeout outside any blocking call
 * </pre>
 */
final class ChildReport {
    /** Starts every report line. */
    static final String PREFIX = "@shmlab-child@ ";
    static final String EXIT = "exit";
    static final String FAULT = "fault";
    static final String STOPPED = "stopped";
    /** The call of a process stopped outside any blocking call. */
    static final String NO_CALL = "-";

    private ChildReport() {
    }

    static String exit(int status) {
        return PREFIX + EXIT + " " + status;
    }

    static String fault(Signal signal, String detail) {
        return PREFIX + FAULT + " " + signal.name() + " " + detail.replace('\n', ' ');
    }

    static String stopped(String call) {
        return PREFIX + STOPPED + " " + (call == null ? NO_CALL : call);
    }

    static boolean isReport(String line) {
        return line.startsWith(PREFIX);
    }
}
