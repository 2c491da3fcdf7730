package io.shmlab.libc.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process's calling thread sleeps in the kernel, from {@code /proc/PID/task/TID/stat}
 * (state {@code S}) and {@code .../syscall} (the system call's number and first argument): what tells
 * that a call that said it would block has really gone to sleep.
 */
final class KernelSleep {
    private static final long FUTEX = 202;
    private static final long NANOSLEEP = 35;
    private static final long CLOCK_NANOSLEEP = 230;

    private KernelSleep() {
    }

    /** Asleep in futex(2) on this word (an untimed wait: nothing but a post can end it). */
    static boolean onFutex(int pid, int tid, long word) {
        long[] call = sleepingCall(pid, tid);
        return call != null && call[0] == FUTEX && call[1] == word;
    }

    /** Asleep in futex(2) or a sleep (a wait with a deadline, or a sleep in real time). */
    static boolean timed(int pid, int tid) {
        long[] call = sleepingCall(pid, tid);
        return call != null && (call[0] == FUTEX || call[0] == NANOSLEEP || call[0] == CLOCK_NANOSLEEP);
    }

    /** The number and first argument of the call the thread sleeps in, or null when it does not sleep. */
    private static long[] sleepingCall(int pid, int tid) {
        if (pid <= 0 || tid <= 0) {
            return null;
        }
        Path task = Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid));
        try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            if (close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'S') {
                return null;
            }
            String[] fields = Files.readString(task.resolve("syscall"), StandardCharsets.US_ASCII).trim().split(" ");
            if (fields.length < 2 || fields[0].equals("running") || fields[0].startsWith("-")) {
                return null;
            }
            return new long[] {Long.parseLong(fields[0]), Long.parseUnsignedLong(fields[1].replace("0x", ""), 16)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
