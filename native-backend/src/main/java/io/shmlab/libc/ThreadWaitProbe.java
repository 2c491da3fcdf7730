package io.shmlab.libc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Tells what a thread is waiting for, from {@code /proc/PID/task/TID/stat} (its state, {@code S} for
 * an interruptible sleep) and {@code /proc/PID/task/TID/syscall} (the system call it sleeps in and its
 * arguments: {@code 202} is futex(2) on x86_64, its second argument the operation, its fourth the
 * timeout pointer).
 *
 * <p>A JVM always has threads in timed futex waits (the compiler, the garbage collector, ...), so
 * only the thread that runs the program is asked about.
 */
@FunctionalInterface
interface ThreadWaitProbe {
    /** futex(2) on x86_64. */
    int SYS_FUTEX = 202;
    /** futex(2) operations that sleep until woken or timed out. */
    int FUTEX_WAIT = 0;
    int FUTEX_WAIT_BITSET = 9;
    /** Flags of the operation word that do not change what it waits for. */
    int FUTEX_PRIVATE_FLAG = 128;
    int FUTEX_CLOCK_REALTIME = 256;

    /** What thread {@code tid} of process {@code pid} is doing now. */
    KernelWait probe(int pid, int tid);

    /** The probe reading /proc. */
    static ThreadWaitProbe proc() {
        return (pid, tid) -> {
            if (pid <= 0 || tid <= 0) {
                return KernelWait.OTHER;
            }
            Path task = Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid));
            try {
                String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                int close = stat.lastIndexOf(')');
                char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
                if (state == 'Z' || state == 'X') {
                    return KernelWait.GONE;
                }
                if (state != 'S') {
                    return KernelWait.OTHER;
                }
                return ofSyscall(Files.readString(task.resolve("syscall"), StandardCharsets.US_ASCII));
            } catch (NoSuchFileException gone) {
                return KernelWait.GONE;
            } catch (IOException | RuntimeException unreadable) {
                return KernelWait.OTHER;
            }
        };
    }

    /** What a line of /proc/PID/task/TID/syscall says: {@code 202 0x... 0x80 0x0 0x0 ...}. */
    static KernelWait ofSyscall(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 5 || !fields[0].equals(Integer.toString(SYS_FUTEX))) {
            return KernelWait.OTHER;
        }
        long op = Long.decode(fields[2]);
        long command = op & ~(long) (FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        boolean waits = command == FUTEX_WAIT || command == FUTEX_WAIT_BITSET;
        boolean untimed = Long.decode(fields[4]) == 0;
        return waits && untimed ? KernelWait.UNTIMED_FUTEX_WAIT : KernelWait.OTHER;
    }
}
