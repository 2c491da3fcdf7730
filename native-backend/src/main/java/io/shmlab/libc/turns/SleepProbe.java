package io.shmlab.libc.turns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a thread of a process is asleep inside a system call, as
 * {@code /proc/PID/task/TID/stat} (state {@code S}) and {@code /proc/PID/task/TID/syscall} (a
 * syscall number, not {@code running}) show it: a process blocked in sem_wait sleeps in futex(2).
 */
@FunctionalInterface
public interface SleepProbe {

    /** True when the thread sleeps in a system call; true as well when the thread is unknown (tid 0). */
    boolean asleepInKernel(int pid, int tid);

    /**
     * True when the thread is stopped by a signal (state {@code T}), or gone, or unknown: what a
     * SIGSTOP is waited for with.
     */
    default boolean stoppedOrGone(int pid, int tid) {
        if (pid <= 0 || tid <= 0) {
            return true;
        }
        Path stat = Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            int close = text.lastIndexOf(')');
            char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : '?';
            return state == 'T' || state == 't' || state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    /** The probe reading /proc; a thread that is gone is not asleep. */
    static SleepProbe proc() {
        return (pid, tid) -> {
            if (pid <= 0 || tid <= 0) {
                return true;
            }
            Path task = Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid));
            try {
                String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                int close = stat.lastIndexOf(')');
                if (close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'S') {
                    return false;
                }
                String syscall = Files.readString(task.resolve("syscall"), StandardCharsets.US_ASCII).trim();
                return !syscall.isEmpty() && !syscall.startsWith("running");
            } catch (IOException e) {
                return false;
            }
        };
    }
}
