package io.shmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository this test runs in: its root (where {@code mvnw} and the parent pom are) and its files. */
final class Checkout {

    private Checkout() {
    }

    /** The root, found upwards from the working directory (a module's folder under Maven). */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw and pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** A file of the repository, by its path from the root. */
    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** A file of the repository as text. */
    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
