package io.shmlab.cli;

import io.shmlab.api.ProgramSpec;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.Labs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a command runs: a lab of the registry by name, or a program of the user's own, as a single
 * {@code .java} file or as {@code --class NAME [--classpath PATH]}, with the arguments after {@code --}.
 * Both come out as a {@link LabDefinition}: a lab is a program that ships with shmlab. One clear line
 * when there is no such lab, or the program cannot be built. Close it to remove a single file's
 * compiled classes.
 */
final class LabChoice implements AutoCloseable {
    private static final String CLASS = "--class";
    private static final String CLASS_PATH = "--classpath";

    private final Labs labs;
    private final PositionalParamSpec words;
    private final boolean withToken;
    private final OptionSpec className;
    private final OptionSpec classPath;
    private SingleFile compiled;

    private LabChoice(Labs labs, PositionalParamSpec words, boolean withToken, OptionSpec className, OptionSpec classPath) {
        this.labs = labs;
        this.words = words;
        this.withToken = withToken;
        this.className = className;
        this.classPath = classPath;
    }

    /** Adds {@code [<lab|File.java>]}, {@code --class} and {@code --classpath} to the command. */
    static LabChoice declare(CommandSpec spec, Labs labs) {
        return declare(spec, labs, false);
    }

    /** The same, then the {@code <token>} argument, for replay. */
    static LabChoice declareWithToken(CommandSpec spec, Labs labs) {
        return declare(spec, labs, true);
    }

    private static LabChoice declare(CommandSpec spec, Labs labs, boolean withToken) {
        String labHelp = inWords(labs.ids()) + " (see shmlab labs), or a program of your own in one .java file";
        PositionalParamSpec words = PositionalParamSpec.builder().index(withToken ? "0..1" : "0")
                .arity(withToken ? "1..2" : "0..1").required(withToken).type(List.class).auxiliaryTypes(String.class)
                .paramLabel(withToken ? "[<lab>|<File.java>] <token> [-- ARGS...]" : "[<lab>|<File.java>] [-- ARGS...]")
                .hideParamSyntax(true)
                .description(HelpText.literal(withToken ? labHelp + "; then a schedule token printed by run, explore"
                        + " or step (with --class, the token alone)" : labHelp))
                .build();
        spec.addPositional(words);
        OptionSpec className = OptionSpec.builder(CLASS).paramLabel("NAME").type(String.class)
                .description("a program of your own by class name (implementing io.shmlab.api.Program); its arguments"
                        + " go after --")
                .build();
        spec.addOption(className);
        OptionSpec classPath = OptionSpec.builder(CLASS_PATH).paramLabel("PATH").type(String.class)
                .description("where --class's classes are: folders and jars, separated by '" + File.pathSeparator + "'")
                .build();
        spec.addOption(classPath);
        return new LabChoice(labs, words, withToken, className, classPath);
    }

    /**
     * The lab or program the user named, with the program's arguments.
     *
     * @throws UsageError when there is no such lab, the file does not compile, or the program cannot be built
     */
    LabDefinition resolve(List<String> programArgs, Console console) {
        List<String> given = given();
        String name = className.getValue();
        if (name != null) {
            if (given.size() != (withToken ? 1 : 0)) {
                throw new UsageError("give " + CLASS + " or a lab or .java file, not both: " + given);
            }
            return UserProgram.of(new ProgramSpec(name, programArgs, classPath(classPath.getValue())),
                    CLASS + " " + name + (classPath.getValue() == null ? "" : " " + CLASS_PATH + " " + classPath.getValue()));
        }
        if (classPath.getValue() != null) {
            throw new UsageError(CLASS_PATH + " goes with " + CLASS + " NAME");
        }
        if (given.size() != (withToken ? 2 : 1)) {
            throw new UsageError(withToken ? "give the <lab> (or a .java file, or --class NAME) and the <token>"
                    : "missing <lab>: name a lab (" + String.join(", ", labs.ids()) + "), a .java file, or --class NAME");
        }
        String first = given.get(0);
        if (first.endsWith(".java")) {
            compiled = SingleFile.compile(Path.of(first), console);
            return UserProgram.of(new ProgramSpec(compiled.programClass(), programArgs, List.of(compiled.classes())), first);
        }
        if (!programArgs.isEmpty()) {
            throw new UsageError("the arguments after -- go to a program of your own (a .java file or --class); "
                    + first + " is a lab: its options are --name and the like");
        }
        return resolve(labs, first);
    }

    /** The token (replay). */
    String token() {
        List<String> given = given();
        return given.get(given.size() - 1);
    }

    /** How many words were given before {@code --} (the lab or file, and the token). */
    int wordCount() {
        return given().size();
    }

    /** Whether the program was named with {@code --class}. */
    boolean namesClass() {
        return className.getValue() != null;
    }

    private List<String> given() {
        List<String> value = words.getValue();
        return value == null ? List.of() : value;
    }

    /** Removes a single file's compiled classes. */
    @Override
    public void close() {
        if (compiled != null) {
            compiled.close();
            compiled = null;
        }
    }

    private static List<Path> classPath(String path) {
        if (path == null) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new UsageError("class path entry " + entry + " does not exist");
            }
            entries.add(p.toAbsolutePath());
        }
        return entries;
    }

    /** The lab named {@code id}; a usage error naming every lab when there is none. */
    static LabDefinition resolve(Labs labs, String id) {
        return labs.byId(id).orElseThrow(() -> new UsageError(
                "unknown lab '" + id + "'; labs are " + String.join(", ", labs.ids()) + " (see shmlab labs),"
                        + " or give a program of your own: a .java file, or --class NAME --classpath PATH"));
    }

    /** {@code a, b or c}. */
    static String inWords(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
