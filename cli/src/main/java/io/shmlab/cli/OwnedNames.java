package io.shmlab.cli;

import io.shmlab.api.Os;
import io.shmlab.api.Unlink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a command on the real kernel is about to make in /dev/shm, written down before it makes it, so
 * that what a SIGKILL (which no clean-up survives) leaves behind is recognised as shmlab's own by the
 * next command and removed, with a note, rather than blamed on the user.
 *
 * <p>A record is a small file in a directory of the user's ({@code $TMPDIR/shmlab-USER}): the pid and
 * start time of the command's JVM, then one /dev/shm entry per line. The command deletes it when it
 * has cleaned up (or has handed its names over to the user, as an interactive lab that quits does).
 * {@link #sweep} reads the records of JVMs that no longer run and removes the entries they list that
 * still exist and that no process uses.
 */
final class OwnedNames {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path file;

    private OwnedNames(Path file) {
        this.file = file;
    }

    /** The directory of the records. */
    static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "shmlab-" + System.getProperty("user.name", "user"));
    }

    /** Writes a record of these entries for this JVM. */
    static OwnedNames record(String command, List<String> entries) {
        ProcessHandle me = ProcessHandle.current();
        Path file = directory().resolve(me.pid() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + ".names");
        List<String> lines = new ArrayList<>();
        lines.add("pid " + me.pid() + " " + startOf(me).map(Instant::toEpochMilli).orElse(0L));
        lines.add("command " + command);
        lines.addAll(entries);
        try {
            Files.createDirectories(directory());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // without a record a SIGKILL's leftovers are not recognised later; the run itself is unharmed
            return new OwnedNames(null);
        }
        return new OwnedNames(file);
    }

    /**
     * Adds an entry to the record, for a command whose processes make names it learns of only as they
     * are made (a C program under the turnstile).
     */
    synchronized void add(String entry) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, entry + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // without it a SIGKILL's leftover is not recognised later; the run itself is unharmed
        }
    }

    /** Deletes the record: its names are cleaned up, or handed over. */
    void forget() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // stays; a later sweep finds its names gone and deletes it
            }
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    /**
     * Removes what commands killed before they could clean up left behind: the entries listed in the
     * records of JVMs that no longer run, that still exist and that no process uses.
     *
     * @return one note per entry removed, or left because another process uses it
     */
    static List<String> sweep(Os os) {
        List<String> notes = new ArrayList<>();
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return notes;
        }
        ShmUsers users = null;
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir, "*.names")) {
            for (Path record : records) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(record, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;
                }
                if (lines.size() < 2 || stillRunning(lines.get(0))) {
                    continue;
                }
                String pid = lines.get(0).split(" ")[1];
                String command = lines.get(1).substring(Math.min(lines.get(1).length(), "command ".length()));
                if (users == null) {
                    users = ShmUsers.scan();
                }
                for (String entry : lines.subList(2, lines.size())) {
                    if (!Files.exists(Path.of("/dev/shm", entry))) {
                        continue;
                    }
                    if (!users.otherUsers(entry).isEmpty()) {
                        notes.add("note: " + ShmEntries.display(entry) + " was left by shmlab " + command + " (pid " + pid
                                + ", killed before it could clean up); kept, since process(es) " + users.otherUsers(entry) + " use it");
                    } else if (Unlink.entryIfPresent(os, entry)) {
                        notes.add("note: removed " + ShmEntries.display(entry) + ", left by shmlab " + command + " (pid " + pid
                                + ", killed before it could clean up)");
                    }
                }
                Files.deleteIfExists(record);
            }
        } catch (IOException e) {
            // unreadable records: nothing swept
        }
        return notes;
    }

    /** Whether the JVM of a record's first line ({@code pid PID START}) still runs. */
    private static boolean stillRunning(String pidLine) {
        String[] fields = pidLine.split(" ");
        if (fields.length < 3 || !fields[0].equals("pid")) {
            return false;
        }
        try {
            long pid = Long.parseLong(fields[1]);
            long start = Long.parseLong(fields[2]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && process.get().isAlive()
                    && (start == 0 || startOf(process.get()).map(i -> Math.abs(i.toEpochMilli() - start) < 1000).orElse(true));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
