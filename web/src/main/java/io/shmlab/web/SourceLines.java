package io.shmlab.web;

import io.shmlab.sim.sched.StepSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a step's source line, when the source file can be found: under one of the roots
 * (package folders below them, as in a source tree), or beside the working folder for a program in
 * the default package. Files are read once each; a file that cannot be read gives no text.
 */
public final class SourceLines {
    private final List<Path> roots;
    private final Map<String, List<String>> files = new HashMap<>();

    /** Looks under these source roots, in order. */
    public SourceLines(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * The roots a checkout of shmlab has, from the working folder: the labs' sources, a project's
     * own {@code src/main/java}, and the folder itself.
     */
    public static SourceLines fromWorkingFolder() {
        Path here = Path.of("").toAbsolutePath();
        return new SourceLines(List.of(here.resolve("labs/src/main/java"), here.resolve("src/main/java"), here));
    }

    /** The line's text without its indentation, or null when the file or line is not found. */
    public String text(StepSource source) {
        if (source == null || source.file() == null || source.line() < 1) {
            return null;
        }
        String className = source.className();
        int dot = className.lastIndexOf('.');
        String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/');
        String relative = folder.isEmpty() ? source.file() : folder + "/" + source.file();
        List<String> lines = files.computeIfAbsent(relative, this::read);
        if (lines == null || source.line() > lines.size()) {
            return null;
        }
        return lines.get(source.line() - 1).strip();
    }

    private List<String> read(String relative) {
        for (Path root : roots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
