package io.shmlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which processes use each entry of /dev/shm, as /proc tells: a descriptor open on it
 * ({@code /proc/PID/fd}) or a mapping of it ({@code /proc/PID/maps}; a named semaphore is only
 * mapped, since sem_open closes its descriptor). Processes of other users are visible to root only;
 * for others their use is not seen.
 */
final class ShmUsers {
    private static final Path PROC = Path.of("/proc");
    private static final String SHM = "/dev/shm/";

    private final Map<String, Set<Integer>> openers;
    private final Map<String, Set<Integer>> mappers;

    private ShmUsers(Map<String, Set<Integer>> openers, Map<String, Set<Integer>> mappers) {
        this.openers = openers;
        this.mappers = mappers;
    }

    /** Looks at every process now. */
    static ShmUsers scan() {
        Map<String, Set<Integer>> openers = new TreeMap<>();
        Map<String, Set<Integer>> mappers = new TreeMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path process : processes) {
                int pid = Integer.parseInt(process.getFileName().toString());
                scanDescriptors(process, pid, openers);
                scanMaps(process, pid, mappers);
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable: nothing is known to be in use
        }
        return new ShmUsers(openers, mappers);
    }

    private static void scanDescriptors(Path process, int pid, Map<String, Set<Integer>> openers) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(SHM) && !target.endsWith(" (deleted)")) {
                        openers.computeIfAbsent(target.substring(SHM.length()), k -> new TreeSet<>()).add(pid);
                    }
                } catch (IOException | UnsupportedOperationException gone) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException notOurs) {
            // another user's process, or gone
        }
    }

    private static void scanMaps(Path process, int pid, Map<String, Set<Integer>> mappers) {
        try {
            for (String line : Files.readAllLines(process.resolve("maps"), StandardCharsets.UTF_8)) {
                int at = line.indexOf(SHM);
                if (at >= 0 && !line.endsWith(" (deleted)")) {
                    mappers.computeIfAbsent(line.substring(at + SHM.length()), k -> new TreeSet<>()).add(pid);
                }
            }
        } catch (IOException | RuntimeException notOurs) {
            // another user's process, or gone
        }
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** The pids with the entry open. */
    Set<Integer> openers(String entry) {
        return openers.getOrDefault(entry, Set.of());
    }

    /** The pids with the entry mapped. */
    Set<Integer> mappers(String entry) {
        return mappers.getOrDefault(entry, Set.of());
    }

    /** The pids with the entry open or mapped. */
    Set<Integer> users(String entry) {
        Set<Integer> all = new TreeSet<>(openers(entry));
        all.addAll(mappers(entry));
        return all;
    }

    /** The pids other than this JVM's with the entry open or mapped. */
    Set<Integer> otherUsers(String entry) {
        Set<Integer> all = users(entry);
        all.remove((int) ProcessHandle.current().pid());
        return all;
    }
}
