package io.shmlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class and checks that no JVM crashed during the run: HotSpot writes
 * {@code hs_err_pid*.log} into its working directory (or the temporary directory) when it dies of a
 * signal, which the native backend must never let happen, in this JVM or a child JVM it starts.
 * Looked for: the working directory, its parent (the project) and the parent's subdirectories (the
 * modules), and java.io.tmpdir; only files written since the run started count.
 */
@Order(Integer.MAX_VALUE)
class NoJvmCrashTest {

    @Test
    void noJvmOfTheRunLeftACrashLog() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        List<Path> places = new ArrayList<>(List.of(here, Path.of(System.getProperty("java.io.tmpdir"))));
        Path project = here.getParent();
        if (project != null) {
            places.add(project);
            try (Stream<Path> modules = Files.list(project)) {
                modules.filter(Files::isDirectory).forEach(places::add);
            }
        }
        List<Path> crashes = new ArrayList<>();
        for (Path place : places.stream().distinct().toList()) {
            crashes.addAll(crashLogs(place));
        }
        assertEquals(List.of(), crashes, "a JVM of this run crashed; read its log");
    }

    private static List<Path> crashLogs(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("hs_err_pid\\d+\\.log"))
                    .filter(f -> writtenSinceTheRunStarted(f))
                    .toList();
        }
    }

    private static boolean writtenSinceTheRunStarted(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= ShmLeakCheck.startedMillis();
        } catch (IOException gone) {
            return false;
        }
    }
}
