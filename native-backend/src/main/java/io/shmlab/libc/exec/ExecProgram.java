package io.shmlab.libc.exec;

import java.nio.file.Path;
import java.util.List;

/**
 * A C program to run in N processes under the turnstile: the binary, its arguments ({@code {i}} in one
 * is the process's index, 0 to N-1) and what each process reads on standard input.
 *
 * @param binary the checked binary ({@link Executable#check})
 * @param args its arguments, {@code {i}} not yet replaced
 * @param stdin files to read standard input from: none (every process reads /dev/null), one (each
 *     process reads it; {@code {i}} in its name is replaced), or one per process
 */
public record ExecProgram(Path binary, List<String> args, List<String> stdin) {
    /** The mark replaced by the process's index in arguments and input file names. */
    public static final String INDEX = "{i}";

    /** Copies. */
    public ExecProgram {
        args = List.copyOf(args);
        stdin = List.copyOf(stdin);
    }

    /** Process {@code i}'s arguments. */
    public List<String> argsOf(int i) {
        return args.stream().map(a -> a.replace(INDEX, Integer.toString(i))).toList();
    }

    /** The file process {@code i} reads standard input from, or {@code null} for none. */
    public Path stdinOf(int i) {
        if (stdin.isEmpty()) {
            return null;
        }
        String file = stdin.size() == 1 ? stdin.get(0) : stdin.get(Math.min(i, stdin.size() - 1));
        return Path.of(file.replace(INDEX, Integer.toString(i)));
    }

    /** The binary's file name, as tokens record it. */
    public String name() {
        return binary.getFileName().toString();
    }
}
