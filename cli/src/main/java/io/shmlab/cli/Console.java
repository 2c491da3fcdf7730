package io.shmlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The terminal a command talks to: lines in, text out, one-line errors. The real one is the JVM's
 * standard streams; tests give their own. Output is flushed at every write, so that a prompt shows
 * before the command waits for input.
 */
public final class Console {
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    /** How long the status line on the error stream is now, to blank it out (guarded by err). */
    private int statusWidth;

    /** A console over these streams (UTF-8). */
    public Console(InputStream in, OutputStream out, OutputStream err) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** The JVM's standard streams. */
    public static Console system() {
        return new Console(System.in, System.out, System.err);
    }

    /** A line of input without its newline, or {@code null} at end of input. */
    public String readLine() {
        try {
            synchronized (in) {
                return in.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input", e);
        }
    }

    /** Writes text as it is. */
    public void print(String text) {
        synchronized (out) {
            out.print(text);
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
     * standard output holds only results; {@code null} clears it.
     */
    public void status(String text) {
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
