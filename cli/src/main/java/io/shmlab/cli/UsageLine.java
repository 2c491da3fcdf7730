package io.shmlab.cli;

import io.shmlab.labs.Labs;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line a command line picocli could not parse gives: an unknown command or lab said as such
 * (with where to look), anything else as picocli words it, the user's input cut ({@link Echo}).
 */
final class UsageLine {

    private UsageLine() {
    }

    static String of(ParameterException failure, Labs labs) {
        CommandLine where = failure.getCommandLine();
        String command = where.getCommandSpec().qualifiedName();
        if (failure instanceof UnmatchedArgumentException unmatched && where.getParent() == null
                && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            if (!word.startsWith("-")) {
                if (labs.byId(word).isPresent()) {
                    return word + " is a lab, not a command: shmlab run " + word + " runs it (see shmlab labs, shmlab --help)";
                }
                return "unknown command or lab " + Echo.quoted(word) + "; commands are "
                        + String.join(", ", where.getSubcommands().keySet()) + " (see shmlab --help)";
            }
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        List<String> lines = message.lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        return cutEchoes(first) + " (see " + command + " --help)";
    }

    /** picocli quotes what the user typed in single quotes: each quoted part cut. */
    private static String cutEchoes(String line) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = line.indexOf('\'', at);
            int close = open < 0 ? -1 : line.indexOf('\'', open + 1);
            if (close < 0) {
                out.append(line.substring(at));
                return out.toString();
            }
            out.append(line, at, open).append(Echo.quoted(line.substring(open + 1, close)));
            at = close + 1;
        }
    }
}
