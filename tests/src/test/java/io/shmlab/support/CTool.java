package io.shmlab.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A C program from the test resources ({@code c/NAME.c}), compiled with gcc for a test. Where gcc is
 * missing the test is skipped by an assumption that says so.
 */
public final class CTool {
    private final Path binary;

    private CTool(Path binary) {
        this.binary = binary;
    }

    /** Compiles {@code c/NAME.c} into {@code dir} (made readable and runnable by every user). */
    public static CTool compile(String name, Path dir) throws IOException, InterruptedException {
        assumeTrue(run(List.of("gcc", "--version"), 60).exitCode() == 0, "gcc is not installed: C programs cannot be built");
        Path source = dir.resolve(name + ".c");
        try (InputStream in = CTool.class.getResourceAsStream("/c/" + name + ".c")) {
            if (in == null) {
                throw new IOException("no test resource c/" + name + ".c");
            }
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path binary = dir.resolve(name);
        Result gcc = run(List.of("gcc", "-O2", "-pthread", "-o", binary.toString(), source.toString()), 120);
        if (gcc.exitCode() != 0) {
            throw new IOException("gcc failed on " + name + ".c: " + gcc.output());
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new CTool(binary);
    }

    /** The compiled program's path. */
    public Path binary() {
        return binary;
    }

    /** Runs the program, optionally behind a prefix (such as setpriv), and waits for it. */
    public Result run(List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(binary.toString());
        command.addAll(List.of(args));
        return run(command, 60);
    }

    /** Runs a command with a timeout in seconds, merging its stderr into its output. */
    public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out);
    }

    /** How a command ended and what it printed. */
    public record Result(int exitCode, String output) {
    }
}
