package io.shmlab.libc.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's C compiler: {@code -Dshmlab.cc=PATH}, else {@code $CC}, else {@code gcc} or
 * {@code cc} on {@code PATH}. Where there is none, {@link NotRunnableException} says so in one line.
 */
final class CCompiler {

    private CCompiler() {
    }

    /** The compiler's path or name. */
    static String find() {
        String configured = System.getProperty("shmlab.cc");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CC");
        }
        if (configured != null && !configured.isBlank()) {
            if (onPath(configured) == null) {
                throw new NotRunnableException("no C compiler: " + configured + " (given as the C compiler) is not there;"
                        + " shmlab builds its turnstile for C programs with it");
            }
            return configured;
        }
        for (String name : new String[] {"gcc", "cc"}) {
            Path found = onPath(name);
            if (found != null) {
                return found.toString();
            }
        }
        throw new NotRunnableException("no C compiler (gcc or cc) on PATH: shmlab builds its turnstile for C programs"
                + " on first use; install gcc (or set CC)");
    }

    private static Path onPath(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
