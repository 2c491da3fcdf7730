package io.shmlab.sim.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories and jars a program's own classes come from, with each class file's bytes read once
 * and kept for every process loader that defines it again.
 */
final class CodeBase implements AutoCloseable {
    /** Packages never loaded per process: the JDK's and shmlab's own. */
    private static final List<String> SHARED_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.shmlab.");

    private final URLClassLoader files;
    private final ProtectionDomain domain;
    private final ConcurrentHashMap<String, Optional<byte[]>> bytes = new ConcurrentHashMap<>();

    /** @param locations the code base's directories and jars */
    CodeBase(List<URL> locations) {
        // a loader without a parent finds only the code base's own files
        this.files = new URLClassLoader(locations.toArray(new URL[0]), null);
        this.domain = new ProtectionDomain(new CodeSource(locations.isEmpty() ? null : locations.get(0),
                (Certificate[]) null), null);
    }

    /** True for a class every process shares, whatever its location: the JDK's and shmlab's own. */
    static boolean shared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The class file of a class of the code base, or empty when it is not one (or is shared). */
    Optional<byte[]> classFile(String className) {
        if (shared(className)) {
            return Optional.empty();
        }
        return bytes.computeIfAbsent(className, this::read);
    }

    ProtectionDomain domain() {
        return domain;
    }

    private Optional<byte[]> read(String className) {
        URL url = files.findResource(className.replace('.', '/') + ".class");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
