package io.shmlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The terminal a command talks to: lines in, text out, one-line errors. The real one is the JVM's
 * standard streams; tests give their own. Output is flushed at every write, so that a prompt shows
 * before the command waits for input.
 *
 * <p>When standard input and output are a terminal, lines are read with JLine: line editing, a
 * history (the up arrow) and completion (Tab) of the commands the running lab or session takes
 * ({@link #completeWith}). The partial line printed last (a lab's prompt, {@code "> "}) is then held
 * back and drawn by JLine as its prompt. Piped input stays plain: lines read as they come. The status
 * line ({@link #status}) is drawn only when standard error is a terminal.
 */
public final class Console {
    private final BufferedReader in;
    private final LineEditing editing;
    private final LineReader reader;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean errIsTerminal;
    /** How long the status line on the error stream is now, to blank it out (guarded by err). */
    private int statusWidth;
    /** With a line reader: the partial line printed last, not written yet (guarded by out). */
    private final StringBuilder pendingPrompt = new StringBuilder();

    /** A console over these streams (UTF-8), read plainly. */
    public Console(InputStream in, OutputStream out, OutputStream err) {
        this(in, null, out, err, false);
    }

    private Console(InputStream in, LineEditing editing, OutputStream out, OutputStream err, boolean errIsTerminal) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.editing = editing;
        this.reader = editing == null ? null : editing.reader();
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        this.errIsTerminal = errIsTerminal;
    }

    /** The JVM's standard streams: with line editing when they are a terminal. */
    public static Console system() {
        boolean errIsTerminal = isTerminal(2);
        if (System.console() != null) {
            LineEditing editing = LineEditing.onSystemTerminal();
            if (editing != null) {
                return new Console(System.in, editing, System.out, System.err, errIsTerminal);
            }
        }
        return new Console(System.in, null, System.out, System.err, errIsTerminal);
    }

    /** A console reading lines with JLine from this terminal (its output written to {@code out}). */
    static Console onTerminal(Terminal terminal, OutputStream out, OutputStream err) {
        return new Console(InputStream.nullInputStream(), LineEditing.on(terminal), out, err, false);
    }

    /** Whether descriptor {@code fd} of this process is a terminal, as /proc/self/fd shows it. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The words Tab completes from now on (a lab's commands, a session's). */
    public void completeWith(List<String> words) {
        if (editing != null) {
            editing.completeWith(words);
        }
    }

    /** A line of input without its newline, or {@code null} at end of input. */
    public String readLine() {
        if (reader != null) {
            return readEdited();
        }
        try {
            synchronized (in) {
                return in.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input", e);
        }
    }

    private String readEdited() {
        String prompt;
        synchronized (out) {
            prompt = pendingPrompt.toString();
            pendingPrompt.setLength(0);
        }
        synchronized (reader) {
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException | UserInterruptException e) {
                return null;
            }
        }
    }

    /** Writes text as it is. */
    public void print(String text) {
        synchronized (out) {
            if (reader == null) {
                out.print(text);
            } else {
                int lastNewline = text.lastIndexOf('\n');
                if (lastNewline >= 0) {
                    out.print(pendingPrompt);
                    pendingPrompt.setLength(0);
                    out.print(text.substring(0, lastNewline + 1));
                }
                pendingPrompt.append(text.substring(lastNewline + 1));
            }
            out.flush();
        }
    }

    /** Writes a line. */
    public void println(String line) {
        print(line + System.lineSeparator());
    }

    /** Writes a line to the error stream. */
    public void error(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Shows a status line on the error stream, overwriting the previous one ({@code \r}), so that
     * standard output holds only results; {@code null} clears it. Nothing is written when the error
     * stream is not a terminal (a log or a pipe gets no {@code \r}).
     */
    public void status(String text) {
        if (!errIsTerminal) {
            return;
        }
        synchronized (err) {
            String shown = text == null ? "" : text;
            err.print("\r" + shown + " ".repeat(Math.max(0, statusWidth - shown.length())) + (text == null ? "\r" : ""));
            statusWidth = shown.length();
            err.flush();
        }
    }

    /** The output stream, for picocli's help. */
    PrintStream out() {
        return out;
    }

    /** The error stream, for picocli's messages. */
    PrintStream err() {
        return err;
    }
}
