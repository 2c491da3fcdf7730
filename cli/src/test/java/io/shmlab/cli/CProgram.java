package io.shmlab.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A C program compiled with gcc for a test; skips the test by assumption where gcc is missing. */
final class CProgram {
    private final Path executable;

    private CProgram(Path executable) {
        this.executable = executable;
    }

    static CProgram compile(Path dir, String name, String source, String... flags) throws IOException, InterruptedException {
        Path c = dir.resolve(name + ".c");
        Path exe = dir.resolve(name);
        Files.writeString(c, source, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11", "-pthread", "-o", exe.toString(), c.toString()));
        command.addAll(List.of(flags));
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "gcc is not installed here: " + e.getMessage());
            throw e;
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("gcc failed: " + output);
        }
        return new CProgram(exe);
    }

    /** Where the compiled program is. */
    Path path() {
        return executable;
    }

    /** Runs it to its end (at most a minute) and returns its standard output and error. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(executable + " did not end: " + output);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(executable + " exited with " + p.exitValue() + ": " + output);
        }
        return output;
    }
}
