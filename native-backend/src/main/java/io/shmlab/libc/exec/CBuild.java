package io.shmlab.libc.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * C sources that ship with shmlab, built with the machine's C compiler on first use and kept in a
 * cache: {@code $XDG_CACHE_HOME/shmlab/c} (or {@code ~/.cache/shmlab/c}; {@code -Dshmlab.cache=DIR}
 * elsewhere), in a folder named by a hash of the sources, the compiler and its flags, so a changed
 * source is built again and an unchanged one never. The sources are written beside what is built, so
 * what ran can be read. Two JVMs building at once each write their own file and move it into place.
 */
public final class CBuild {
    /** Where the turnstile's C source is among the resources. */
    public static final String TURNSTILE_RESOURCE = "/io/shmlab/libc/exec/shmlab_turnstile.c";

    private final String name;
    private final Map<String, String> files;
    private final List<String> flags;
    private final boolean sharedLibrary;

    private CBuild(String name, Map<String, String> files, List<String> flags, boolean sharedLibrary) {
        this.name = name;
        this.files = files;
        this.flags = flags;
        this.sharedLibrary = sharedLibrary;
    }

    /** The preloaded turnstile, {@code libshmlab_turnstile.so}, with the header generated from the Java descriptor. */
    public static Path turnstile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("shmlab_turnstile.c", resource(TURNSTILE_RESOURCE));
        files.put(io.shmlab.libc.turns.CLayoutHeader.FILE_NAME, io.shmlab.libc.turns.CLayoutHeader.text());
        return new CBuild("libshmlab_turnstile.so", files, List.of("-shared", "-fPIC", "-O2", "-Wall", "-ldl"), true).built();
    }

    /** A program from one C source (a lab's C twin). */
    public static Path program(String name, String source) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".c", source);
        return new CBuild(name, files, List.of("-O2", "-Wall", "-pthread"), false).built();
    }

    /** The text of a resource of shmlab's. */
    public static String resource(String path) {
        try (InputStream in = CBuild.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("shmlab is missing its resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cache folder of C builds. */
    public static Path cache() {
        String configured = System.getProperty("shmlab.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve("c");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shmlab").resolve("c");
    }

    private Path built() {
        String compiler = CCompiler.find();
        Path dir = cache().resolve(name.replace('.', '-') + "-" + hash(compiler));
        Path output = dir.resolve(name);
        if (Files.isRegularFile(output)) {
            return output;
        }
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Path temporary = Files.createTempFile(dir, f.getKey(), ".tmp");
                Files.writeString(temporary, f.getValue(), StandardCharsets.UTF_8);
                move(temporary, file);
            }
            Path temporary = Files.createTempFile(dir, name, ".tmp");
            List<String> command = new ArrayList<>(List.of(compiler, "-std=gnu11", "-o", temporary.toString(),
                    dir.resolve(files.keySet().iterator().next()).toString()));
            command.addAll(flags);
            Process cc = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String said = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cc.waitFor(120, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                cc.destroyForcibly();
                Files.deleteIfExists(temporary);
                throw new IllegalStateException("building " + name + " with " + compiler + " failed: " + said.strip());
            }
            move(temporary, output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("building " + name + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + name, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String hash(String compiler) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((compiler + "\0" + String.join(" ", flags) + "\0" + sharedLibrary + "\0").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : files.entrySet()) {
                digest.update((f.getKey() + "\0" + f.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
