package io.shmlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A C reference program shipped with the benchmarks (resources {@code c/NAME.c}), compiled with
 * {@code gcc -O2 -pthread} into a scratch directory and run; its output is one line of
 * {@code key value} pairs.
 */
final class CProgram {
    private final Path binary;

    private CProgram(Path binary) {
        this.binary = binary;
    }

    /** Whether gcc is on the PATH. */
    static boolean compilerAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Compiles {@code c/NAME.c} into {@code dir}. */
    static CProgram compile(String name, Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve(name + ".c");
        try (InputStream in = CProgram.class.getResourceAsStream("/c/" + name + ".c")) {
            if (in == null) {
                throw new IOException("no C source c/" + name + ".c among the resources");
            }
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path binary = dir.resolve(name);
        String out = run(List.of("gcc", "-O2", "-pthread", "-o", binary.toString(), source.toString()));
        if (!Files.isExecutable(binary)) {
            throw new IOException("gcc failed on " + name + ".c: " + out);
        }
        return new CProgram(binary);
    }

    /** Runs the program and returns the value following {@code key} in its output. */
    double measure(String key, String... args) throws IOException, InterruptedException {
        Map<String, Double> values = values(args);
        Double value = values.get(key);
        if (value == null) {
            throw new IOException(binary.getFileName() + " printed no " + key + ": " + values);
        }
        return value;
    }

    /** Runs the program and returns every {@code key value} pair of its output. */
    Map<String, Double> values(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        String out = run(command);
        String[] words = out.trim().split("\\s+");
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < words.length; i += 2) {
            try {
                values.put(words[i], Double.parseDouble(words[i + 1]));
            } catch (NumberFormatException e) {
                throw new IOException(binary.getFileName() + " printed no key value pairs: " + out, e);
            }
        }
        return values;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
