package io.shmlab.labs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a small C program with gcc that prints {@code NAME VALUE} lines (offsetof, sizeof) and
 * reads them back: the reference the descriptors are checked against. Skips the test by assumption
 * where gcc is missing.
 */
final class CLayoutProbe {

    private CLayoutProbe() {
    }

    static Map<String, Long> run(Path dir, String source, String... defines) throws IOException, InterruptedException {
        Path c = dir.resolve("probe.c");
        Path exe = dir.resolve("probe");
        Files.writeString(c, source, StandardCharsets.UTF_8);
        List<String> gcc = new ArrayList<>(List.of("gcc", "-std=c11", "-o", exe.toString(), c.toString()));
        for (String d : defines) {
            gcc.add("-D" + d);
        }
        Process compile;
        try {
            compile = new ProcessBuilder(gcc).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "gcc is not installed here: " + e.getMessage());
            throw e;
        }
        String compileOutput = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!compile.waitFor(60, TimeUnit.SECONDS) || compile.exitValue() != 0) {
            throw new IllegalStateException("gcc failed: " + compileOutput);
        }
        Process probe = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new IllegalStateException("probe failed: " + output);
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }
}
