package io.shmlab.libc.turns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread of a real process as Linux shows it in {@code /proc/PID/task/TID}: its state, the field of
 * {@code stat} after the command's closing parenthesis ({@code S} asleep, {@code T} stopped, {@code Z}
 * a zombie, ...), and the system call it is in, from {@code syscall} (the call's number, then its six
 * arguments in hex; {@code running} while it runs in user space); and the calling thread's own id, from
 * {@code /proc/thread-self}. The one reader of those files: the
 * supervisor of an ordered run ({@link SleepProbe}), the deadlock watch of a run of child JVMs and the
 * conductor of C programs ask it whether a process sleeps in the kernel, and in what.
 */
public final class ProcThread {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    /** The state of a thread whose {@code stat} cannot be read: gone, or not known yet (pid or tid 0). */
    public static final char UNREADABLE = '?';

    /** A system call a thread is in: its number and its arguments, as {@code syscall} shows them. */
    public static final class Call {
        private final long number;
        private final long[] arguments;

        private Call(long number, long[] arguments) {
            this.number = number;
            this.arguments = arguments;
        }

        /** The call's number on this architecture (futex(2) is 202 on x86_64); -1 when blocked outside a call. */
        public long number() {
            return number;
        }

        /** How many arguments the line shows. */
        public int argumentCount() {
            return arguments.length;
        }

        /** Argument {@code i}, from 0. */
        public long argument(int i) {
            return arguments[i];
        }
    }

    private ProcThread() {
    }

    /** The thread's state letter, or {@link #UNREADABLE}. */
    public static char state(int pid, int tid) {
        if (pid <= 0 || tid <= 0) {
            return UNREADABLE;
        }
        try {
            String stat = Files.readString(task(pid, tid).resolve("stat"), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            return close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : UNREADABLE;
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    /** The system call the thread is in; {@code null} while it runs, or when {@code syscall} cannot be read. */
    public static Call syscall(int pid, int tid) {
        if (pid <= 0 || tid <= 0) {
            return null;
        }
        try {
            return call(Files.readString(task(pid, tid).resolve("syscall"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return null;
        }
    }

    /** What a line of {@code syscall} says ({@code 202 0x7f5b1c1ff000 0x80 0x0 ...}); {@code null} for {@code running}. */
    public static Call call(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields[0].isEmpty() || fields[0].equals("running")) {
            return null;
        }
        try {
            long[] arguments = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                arguments[i - 1] = Long.parseUnsignedLong(fields[i].replace("0x", ""), 16);
            }
            return new Call(Long.parseLong(fields[0]), arguments);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The kernel id (TID) of the calling thread, as {@code /proc/thread-self} names it ({@code PID/task/TID}); 0 when it cannot be read. */
    public static int callingThread() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Path task(int pid, int tid) {
        return Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid));
    }
}
