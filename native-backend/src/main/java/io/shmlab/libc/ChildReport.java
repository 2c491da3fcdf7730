package io.shmlab.libc;

import io.shmlab.api.Signal;

/**
 * The lines a child JVM writes on its standard error to tell the parent how it ended, which an exit
 * status alone cannot say: the call it was blocked in when told to stop, or the memory fault that
 * would have killed a C process. Each is one line starting with {@link #PREFIX}; every other line of
 * standard error is the program's own.
 *
 * <pre>
 * PREFIX thread TID            the program runs on thread TID (sent once, before it starts)
 * PREFIX progress N            N calls of the program have returned so far (sent when it changed)
 * PREFIX made ENTRY            a call of the program made the entry ENTRY of /dev/shm ({@link MadeNamesOs});
 *                              a backslash, line feed and carriage return in it are written \\, \n and \r
 * PREFIX exit STATUS           the program returned STATUS
 * PREFIX fault SIGNAL DETAIL   an uncaught MemoryFault: killed by SIGBUS or SIGSEGV
 * PREFIX waits-on NAME         (before stopped) the semaphore wait it is in waits on NAME
 * PREFIX stopped CALL          stopped by the parent while blocked in CALL
 * PREFIX stopped -             stopped by the parent outside any blocking call
 * </pre>
 */
final class ChildReport {
    /** Starts every report line. */
    static final String PREFIX = "@shmlab-child@ ";
    static final String EXIT = "exit";
    static final String FAULT = "fault";
    static final String STOPPED = "stopped";
    static final String THREAD = "thread";
    static final String PROGRESS = "progress";
    static final String WAITS_ON = "waits-on";
    static final String MADE = "made";
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

    static String thread(int tid) {
        return PREFIX + THREAD + " " + tid;
    }

    static String progress(long returnedCalls) {
        return PREFIX + PROGRESS + " " + returnedCalls;
    }

    static String waitsOn(String name) {
        return PREFIX + WAITS_ON + " " + name.replace('\n', ' ');
    }

    static String made(String entry) {
        return PREFIX + MADE + " " + entry.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The entry of /dev/shm a {@link #MADE} line's argument names. */
    static String madeEntry(String argument) {
        StringBuilder entry = new StringBuilder(argument.length());
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\' && i + 1 < argument.length()) {
                char next = argument.charAt(++i);
                entry.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                entry.append(c);
            }
        }
        return entry.toString();
    }

    /** The kind of a report line: {@link #EXIT}, {@link #THREAD}, ... */
    static String kind(String line) {
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** What follows the kind in a report line. */
    static String argument(String line) {
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        return space < 0 ? "" : rest.substring(space + 1);
    }

    static boolean isReport(String line) {
        return line.startsWith(PREFIX);
    }
}
