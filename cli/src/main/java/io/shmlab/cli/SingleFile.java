package io.shmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A program given as one {@code .java} file, compiled as {@code java File.java} would: by the JDK's
 * compiler, against shmlab's own class path (the api and the labs), into a temporary folder that is
 * removed when this is closed. javac's messages (file, line, the source line and a caret) go to the
 * console as javac prints them.
 */
final class SingleFile implements AutoCloseable {
    private final Path source;
    private final Path classes;

    private SingleFile(Path source, Path classes) {
        this.source = source;
        this.classes = classes;
    }

    /**
     * Compiles a file.
     *
     * @throws UsageError when the file is missing, this Java has no compiler, or the file does not compile
     */
    static SingleFile compile(Path source, Console console) {
        if (!Files.isRegularFile(source)) {
            throw new UsageError(source + ": no such file");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UsageError("this Java (" + System.getProperty("java.home") + ") has no compiler: a .java file needs"
                    + " a JDK; or compile it yourself and give --class and --classpath");
        }
        Path classes;
        try {
            classes = Files.createTempDirectory("shmlab-program-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the compiled classes: " + e.getMessage(), e);
        }
        SingleFile compiled = new SingleFile(source, classes);
        boolean ok;
        PrintWriter messages = new PrintWriter(console.err(), true);
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                    "-proc:none", "-encoding", "UTF-8");
            ok = javac.getTask(messages, files, null, options, null, files.getJavaFileObjects(source)).call();
        } catch (IOException | RuntimeException e) {
            compiled.close();
            throw new UsageError("cannot compile " + source + ": " + e.getMessage());
        }
        messages.flush();
        if (!ok) {
            compiled.close();
            throw new UsageError(source + " does not compile (javac's messages above)");
        }
        return compiled;
    }

    /** The folder of the compiled classes. */
    Path classes() {
        return classes;
    }

    /** The file as the user gave it. */
    Path source() {
        return source;
    }

    /**
     * The program's class: the top-level class named after the file (as {@code java File.java} takes
     * the first), in whatever package the file declares.
     *
     * @throws UsageError when the file declares no such class
     */
    String programClass() {
        String file = source.getFileName().toString();
        String simple = file.substring(0, file.length() - ".java".length());
        List<String> topLevel = new ArrayList<>();
        try (Stream<Path> all = Files.walk(classes)) {
            all.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .sorted(Comparator.naturalOrder())
                    .forEach(p -> {
                        String relative = classes.relativize(p).toString();
                        topLevel.add(relative.substring(0, relative.length() - ".class".length())
                                .replace(p.getFileSystem().getSeparator(), "."));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : topLevel) {
            if (name.equals(simple) || name.endsWith("." + simple)) {
                return name;
            }
        }
        throw new UsageError(source + " has no class " + simple + " (the class implementing io.shmlab.api.Program"
                + " is named after the file); it declares " + (topLevel.isEmpty() ? "none" : String.join(", ", topLevel)));
    }

    /** Removes the compiled classes. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + classes + ": " + e.getMessage(), e);
        }
    }
}
