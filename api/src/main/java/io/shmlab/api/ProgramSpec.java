package io.shmlab.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/**
 * A program by class name and arguments, so that every process of a run, simulated or a real child
 * JVM, can build its own instance; with the class path its classes come from when they are not
 * shmlab's own (a user's program: a compiled single file, or {@code --classpath}).
 *
 * @param className a class implementing {@link Program} with a public constructor taking
 *     {@code String[]} or none
 * @param args the arguments given to that constructor
 * @param classPath where the program's classes are, besides shmlab's own class path (directories and
 *     jars; empty when the class is on shmlab's class path, as the labs are); child JVMs get it on
 *     theirs, and the simulator loads the program from it
 */
public record ProgramSpec(String className, List<String> args, List<Path> classPath) {

    /** Validates and copies. */
    public ProgramSpec {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className=" + className);
        }
        args = List.copyOf(args);
        classPath = List.copyOf(classPath);
    }

    /** A program on shmlab's own class path. */
    public ProgramSpec(String className, List<String> args) {
        this(className, args, List.of());
    }

    /** The spec of a program class with arguments. */
    public static ProgramSpec of(Class<? extends Program> type, String... args) {
        return new ProgramSpec(type.getName(), List.of(args));
    }

    /**
     * Builds a new instance of the program, its class found by the api's class loader (a program on
     * shmlab's own class path, or on a child JVM's, which holds {@link #classPath()}).
     */
    public Program instantiate() {
        try {
            return instantiate(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot build " + className + ": no such class on the class path", e);
        }
    }

    /**
     * Builds a new instance of a class of this program (loaded by whichever class loader the caller
     * picked), with this spec's arguments.
     *
     * @throws IllegalArgumentException when the class is not a program, has no usable constructor, or
     *     its constructor throws, saying which
     */
    public Program instantiate(Class<?> type) {
        if (!Program.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement " + Program.class.getName());
        }
        return (Program) construct(type);
    }

    /**
     * A new instance of a class built as a program is, with this spec's arguments: through its public
     * {@code (String[])} constructor, or its public no-argument one when there are no arguments.
     *
     * @throws IllegalArgumentException when it has no usable constructor, or its constructor throws
     */
    public Object construct(Class<?> type) {
        try {
            try {
                Constructor<?> withArgs = type.getConstructor(String[].class);
                return withArgs.newInstance((Object) args.toArray(new String[0]));
            } catch (NoSuchMethodException e) {
                Constructor<?> none;
                try {
                    none = type.getConstructor();
                } catch (NoSuchMethodException missing) {
                    throw new IllegalArgumentException(type.getName()
                            + " has no public constructor taking (String[]) or no arguments", missing);
                }
                if (!args.isEmpty()) {
                    throw new IllegalArgumentException(type.getName() + " takes no arguments (it has no public"
                            + " (String[]) constructor), given " + args);
                }
                return none.newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("the constructor of " + type.getName() + " threw " + cause, cause);
        } catch (InstantiationException e) {
            throw new IllegalArgumentException(type.getName() + " is abstract: it cannot be built", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot build " + type.getName() + " (is the class public?): "
                    + e.getMessage(), e);
        }
    }
}
