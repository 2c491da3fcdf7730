package io.shmlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells from /proc whether a process started by this JVM sleeps in the kernel on a futex word of a
 * shared memory object: a thread whose {@code /proc/PID/task/TID/syscall} is futex(2) (202 on x86_64)
 * waiting ({@code FUTEX_WAIT} or {@code FUTEX_WAIT_BITSET}) on the address where the process mapped the
 * object (from {@code /proc/PID/maps}) plus the word's offset. Seen there, the sleeper can only be woken
 * by a futex wake: a store to the word no longer reaches it.
 */
final class FutexSleeper {
    private static final String SYS_FUTEX = "202";
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAIT_BITSET = 9;
    private static final long FLAGS = 128 | 256; // FUTEX_PRIVATE_FLAG, FUTEX_CLOCK_REALTIME

    private FutexSleeper() {
    }

    /** Whether a descendant of this JVM sleeps on the word at {@code offset} of the object {@code name} ("/x"). */
    static boolean sleepsOn(String name, long offset) {
        return ProcessHandle.current().descendants().anyMatch(p -> sleepsOn(p.pid(), name, offset));
    }

    private static boolean sleepsOn(long pid, String name, long offset) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            List<Long> starts = mappingStarts(proc.resolve("maps"), "/dev/shm" + name);
            if (starts.isEmpty()) {
                return false;
            }
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                return tasks.map(FutexSleeper::futexWaitAddress).anyMatch(a -> a >= 0 && starts.contains(a - offset));
            }
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** Start addresses of the mappings of one file whose offset in the file is 0. */
    private static List<Long> mappingStarts(Path maps, String file) throws IOException {
        return Files.readAllLines(maps, StandardCharsets.US_ASCII).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 6 && f[5].equals(file) && Long.parseLong(f[2], 16) == 0)
                .map(f -> Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16))
                .toList();
    }

    /** The futex word a thread waits on, or -1 when it is not in a futex wait. */
    private static long futexWaitAddress(Path task) {
        try {
            String[] f = Files.readString(task.resolve("syscall"), StandardCharsets.US_ASCII).trim().split("\\s+");
            if (f.length < 3 || !f[0].equals(SYS_FUTEX)) {
                return -1;
            }
            long command = Long.decode(f[2]) & ~FLAGS;
            return command == FUTEX_WAIT || command == FUTEX_WAIT_BITSET ? Long.decode(f[1]) : -1;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
