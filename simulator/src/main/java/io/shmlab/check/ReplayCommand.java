package io.shmlab.check;

import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.program.ProgramClasses;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one line that replays a token of a program from the command line:
 * {@code shmlab replay --class com.example.Ring --classpath target/classes TOKEN -- 2 2}.
 */
final class ReplayCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final String prefix;
    private final String suffix;

    private ReplayCommand(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    static ReplayCommand of(ProgramClasses program) {
        ProgramSpec spec = program.spec();
        StringBuilder b = new StringBuilder("shmlab replay --class ").append(spec.className());
        String classPath = classPath(program);
        if (classPath != null) {
            b.append(" --classpath ").append(quote(classPath));
        }
        StringBuilder args = new StringBuilder();
        if (!spec.args().isEmpty()) {
            args.append(" --");
            for (String arg : spec.args()) {
                args.append(' ').append(quote(arg));
            }
        }
        return new ReplayCommand(b.toString(), args.toString());
    }

    /** The command for a token. */
    String forToken(String token) {
        return prefix + " " + token + suffix;
    }

    /** Where the program's classes are, as short as it can be said: relative to here when inside. */
    private static String classPath(ProgramClasses program) {
        List<String> entries = new ArrayList<>();
        if (!program.spec().classPath().isEmpty()) {
            program.spec().classPath().forEach(p -> entries.add(shorten(p)));
        } else if (!program.type().getName().startsWith("io.shmlab.")) {
            CodeSource source = program.type().getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            try {
                entries.add(shorten(Path.of(source.getLocation().toURI())));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        return entries.isEmpty() ? null : String.join(java.io.File.pathSeparator, entries);
    }

    private static String shorten(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString()
                : absolute.toString();
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
