package io.shmlab.cli;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * JLine for a {@link Console} on a terminal: a line reader with an in-memory history and a completer
 * whose words the command sets as it goes ({@link #completeWith}). Only used when standard input and
 * output are a terminal.
 */
final class LineEditing implements Completer {
    private final LineReader reader;
    private volatile List<String> words = List.of();

    private LineEditing(Terminal terminal) {
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("shmlab").completer(this).build();
    }

    /** Line editing on the system terminal, or {@code null} when JLine cannot open one (input is then read plainly). */
    static LineEditing onSystemTerminal() {
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        try {
            return new LineEditing(TerminalBuilder.builder().system(true).dumb(false).build());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Line editing on this terminal. */
    static LineEditing on(Terminal terminal) {
        return new LineEditing(terminal);
    }

    LineReader reader() {
        return reader;
    }

    /** Sets the words Tab completes. */
    void completeWith(List<String> newWords) {
        this.words = List.copyOf(newWords);
    }

    @Override
    public void complete(LineReader lineReader, ParsedLine line, List<Candidate> candidates) {
        for (String word : words) {
            candidates.add(new Candidate(word, word, null, null, null, null, !word.endsWith(" ") && !word.endsWith(":")));
        }
    }
}
