package io.shmlab.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A program by class name and arguments, so that every process of a run, simulated or a real child
 * JVM, can build its own instance.
 *
 * @param className a class implementing {@link Program} with a public constructor taking
 *     {@code String[]} or none
 * @param args the arguments given to that constructor
 */
public record ProgramSpec(String className, List<String> args) {

    /** Validates and copies. */
    public ProgramSpec {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className=" + className);
        }
        args = List.copyOf(args);
    }

    /** The spec of a program class with arguments. */
    public static ProgramSpec of(Class<? extends Program> type, String... args) {
        return new ProgramSpec(type.getName(), List.of(args));
    }

    /** Builds a new instance of the program. */
    public Program instantiate() {
        try {
            Class<?> type = Class.forName(className);
            if (!Program.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " does not implement " + Program.class.getName());
            }
            try {
                Constructor<?> withArgs = type.getConstructor(String[].class);
                return (Program) withArgs.newInstance((Object) args.toArray(new String[0]));
            } catch (NoSuchMethodException e) {
                if (!args.isEmpty()) {
                    throw new IllegalArgumentException(className + " takes no arguments, given " + args);
                }
                return (Program) type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot build " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build " + className + ": " + e, e);
        }
    }
}
