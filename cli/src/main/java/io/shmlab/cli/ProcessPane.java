package io.shmlab.cli;

import io.shmlab.api.Ending;
import java.time.Duration;
import java.util.Optional;

/**
 * One process's part of a {@link SharedTerminal}: turns its output into whole lines prefixed with its
 * label ({@code A: version: 1}), drops its prompts (the terminal prints its own), and counts them, so
 * that the terminal can wait until the process is ready for the next line.
 */
final class ProcessPane {
    static final String PROMPT = "> ";

    private final HostedProcess process;
    private final Console console;
    private final boolean interactive;
    private final StringBuilder pending = new StringBuilder();
    private int prompts;
    private int sent;
    private int lines;
    private boolean endReported;

    ProcessPane(HostedProcess process, Console console, boolean interactive) {
        this.process = process;
        this.console = console;
        this.interactive = interactive;
        process.onOutput(this::accept);
    }

    HostedProcess process() {
        return process;
    }

    /** False for a process that never reads (Exercise 2's writer): the terminal does not wait for it. */
    boolean interactive() {
        return interactive;
    }

    private synchronized void accept(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                console.println(process.label() + ": " + pending);
                pending.setLength(0);
                lines++;
                notifyAll();
            } else {
                pending.append(c);
                if (pending.length() == PROMPT.length() && pending.toString().equals(PROMPT)) {
                    pending.setLength(0);
                    prompts++;
                    notifyAll();
                }
            }
        }
    }

    synchronized int prompts() {
        return prompts;
    }

    /** Waits until the process has printed {@code count} whole lines, or has ended. */
    boolean awaitLines(int count, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        synchronized (this) {
            while (lines < count) {
                if (ended().isPresent()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, Math.min(5, left / 1_000_000)));
            }
            return true;
        }
    }

    /** Gives the process a line of input, counting it. */
    void sendLine(String line) {
        synchronized (this) {
            sent++;
        }
        process.send(line);
    }

    /** How many lines were given to the process. */
    synchronized int sent() {
        return sent;
    }

    /**
     * Waits until the process has printed more than {@code seen} prompts (it answered and asks for
     * more) or has ended; a blocked process is waited for.
     */
    boolean awaitPrompt(int seen, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        synchronized (this) {
            while (prompts <= seen) {
                if (ended().isPresent()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, Math.min(5, left / 1_000_000)));
            }
            return true;
        }
    }

    /**
     * Waits until the process has printed more than {@code seen} prompts, or has ended, or is blocked
     * waiting for another process. The wait is on events, not on time: the cap only guards against a
     * process that computes forever.
     *
     * @return false when the cap passed with the process still busy
     */
    boolean awaitReady(int seen, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (true) {
            synchronized (this) {
                if (prompts > seen) {
                    return true;
                }
            }
            if (ended().isPresent() || process.blocked()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            synchronized (this) {
                if (prompts <= seen) {
                    wait(5);
                }
            }
        }
    }

    Optional<Ending> ended() {
        return process.awaitEnd(Duration.ZERO);
    }

    /** Prints, once, how the process ended; true if it has. */
    synchronized boolean reportEnd() {
        Optional<Ending> ending = ended();
        if (ending.isEmpty()) {
            return false;
        }
        if (!endReported) {
            endReported = true;
            if (pending.length() > 0) {
                console.println(process.label() + ": " + pending);
                pending.setLength(0);
            }
            console.println(process.label() + " " + ending.get());
        }
        return true;
    }
}
