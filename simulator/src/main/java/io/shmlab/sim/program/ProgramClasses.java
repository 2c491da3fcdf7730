package io.shmlab.sim.program;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a program, found once, from which every simulated process builds its own instance:
 * from a class loader of its own, in every schedule anew, when the program's own classes have mutable
 * static state ({@link StaticState}: their statics are then per process, as on Linux); else from the
 * shared classes, which costs nothing per schedule (shmlab's own classes, the labs among them, are
 * always shared: they keep no mutable static state).
 *
 * <p>Building it checks the program: the class is found, implements {@link Program} and has a public
 * {@code (String[])} or no-argument constructor, and one instance is built (so a constructor that
 * throws fails here, once, and not in every schedule).
 */
public final class ProgramClasses {
    private final ProgramSpec spec;
    private final ClassLoader base;
    private final Class<?> type;
    private final CodeBase codeBase;
    private final String mutableStatic;

    private ProgramClasses(ProgramSpec spec, ClassLoader base, Class<?> type, List<URL> codeBase) {
        this.spec = spec;
        this.base = base;
        this.type = type;
        CodeBase own = codeBase == null ? null : new CodeBase(codeBase);
        this.mutableStatic = own == null ? null : StaticState.firstMutableField(own, type.getName()).orElse(null);
        this.codeBase = mutableStatic == null ? null : own;
        newProgram();
    }

    /**
     * The classes of a program by spec: from its class path when it has one (a user's program), else
     * from the class path shmlab itself was loaded from.
     *
     * @throws IllegalArgumentException when the program cannot be built, saying why in one line
     */
    public static ProgramClasses of(ProgramSpec spec) {
        ClassLoader own = ProgramClasses.class.getClassLoader();
        if (spec.classPath().isEmpty()) {
            Class<?> type = find(spec.className(), own, "shmlab's class path");
            return new ProgramClasses(spec, own, type, codeBaseOf(type));
        }
        List<URL> urls = urls(spec.classPath());
        ClassLoader base = new URLClassLoader("shmlab-program", urls.toArray(new URL[0]), own);
        Class<?> type = find(spec.className(), base, "the class path " + spec.classPath());
        return new ProgramClasses(spec, base, type, CodeBase.shared(spec.className()) ? null : urls);
    }

    /**
     * The classes of a program class the caller has at hand (a test's, on the test's class path), with
     * the arguments its {@code (String[])} constructor gets.
     *
     * @throws IllegalArgumentException when the program cannot be built, saying why in one line
     */
    public static ProgramClasses of(Class<? extends Program> type, List<String> args) {
        ClassLoader base = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        return new ProgramClasses(new ProgramSpec(type.getName(), args), base, type, codeBaseOf(type));
    }

    /** The program's spec: class name and arguments (and class path, when it has one). */
    public ProgramSpec spec() {
        return spec;
    }

    /** The program's class, as the class path it was found on loads it (not a process's copy). */
    public Class<?> type() {
        return type;
    }

    /** True when each process gets the program's classes from a class loader of its own. */
    public boolean perProcess() {
        return codeBase != null;
    }

    /**
     * The first mutable static field found in the program's own classes (as {@code com.example.Counter.runs}),
     * the reason each process gets classes of its own; {@code null} when there is none and the processes
     * share the classes, as the labs' do.
     */
    public String mutableStatic() {
        return mutableStatic;
    }

    /** A new instance of the program for one process, from that process's own classes when per process. */
    public Program newProgram() {
        return spec.instantiate(processCopy());
    }

    /**
     * The program's own final check, when its class implements {@link FinalCheck}: each call builds a
     * fresh instance (with the program's arguments, from classes of its own) and runs its check; else
     * {@code null}.
     */
    public FinalCheck finalCheck() {
        if (!FinalCheck.class.isAssignableFrom(type)) {
            return null;
        }
        return os -> ((FinalCheck) spec.construct(processCopy())).check(os);
    }

    private Class<?> processCopy() {
        if (codeBase == null) {
            return type;
        }
        try {
            return new ProcessClassLoader(base, codeBase).loadClass(type.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the class " + type.getName() + " vanished from its code base", e);
        }
    }

    private static Class<?> find(String className, ClassLoader loader, String where) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on " + where, e);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("cannot load " + className + ": " + e, e);
        }
    }

    /** Where a class of the user's comes from, or {@code null} for shmlab's own (shared) classes. */
    private static List<URL> codeBaseOf(Class<?> type) {
        if (CodeBase.shared(type.getName())) {
            return null;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        return List.of(source.getLocation());
    }

    private static List<URL> urls(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classPath) {
            if (!Files.exists(entry)) {
                throw new IllegalArgumentException("class path entry " + entry + " does not exist");
            }
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + entry + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }
}
