package io.shmlab.labs;

import io.shmlab.api.Os;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where an interactive lab reads its command lines: the process's standard input, or a script given
 * as arguments (so that a run of several processes, with no terminal, can still drive it). A script
 * is echoed after the prompt, so the output reads like a terminal session.
 */
final class CommandSource {
    private final Deque<String> script;

    private CommandSource(List<String> script) {
        this.script = script == null ? null : new ArrayDeque<>(script);
    }

    /** Lines from standard input. */
    static CommandSource stdin() {
        return new CommandSource(null);
    }

    /** These lines, then end of input. */
    static CommandSource script(List<String> lines) {
        return new CommandSource(lines);
    }

    /** The script's lines, or standard input when there are none. */
    static CommandSource scriptOrStdin(List<String> lines) {
        return lines.isEmpty() ? stdin() : script(lines);
    }

    /** The next line without its newline, or {@code null} at end of input. */
    String next(Os os) {
        if (script == null) {
            return os.readLine();
        }
        String line = script.pollFirst();
        if (line != null) {
            os.println(line);
        }
        return line;
    }
}
