package io.shmlab.libc;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A daemon thread reading one stream of a child process to its end, so the child never blocks on a
 * full pipe: it either keeps every byte (standard output) or hands some lines to a listener as they
 * come and forwards the rest (standard error).
 */
final class StreamDrain {
    private final Thread thread;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile IOException failure;

    private StreamDrain(String name, Runnable body) {
        this.thread = new Thread(body, "drain " + name);
        this.thread.setDaemon(true);
    }

    /** Keeps everything the stream gives. */
    static StreamDrain collecting(InputStream in, String name) {
        StreamDrain[] self = new StreamDrain[1];
        self[0] = new StreamDrain(name, () -> self[0].collect(in));
        self[0].thread.start();
        return self[0];
    }

    /**
     * Hands the lines {@code pick} accepts to {@code picked}, on the drain's thread as they come;
     * writes the others to {@code out} after {@code prefix}.
     */
    static StreamDrain forwardingLines(InputStream in, String name, Predicate<String> pick, Consumer<String> picked,
            PrintStream out, String prefix) {
        StreamDrain[] self = new StreamDrain[1];
        self[0] = new StreamDrain(name, () -> self[0].split(in, pick, picked, out, prefix));
        self[0].thread.start();
        return self[0];
    }

    private void collect(InputStream in) {
        try (in) {
            in.transferTo(bytes);
        } catch (IOException e) {
            failure = e;
        }
    }

    private void split(InputStream in, Predicate<String> pick, Consumer<String> picked, PrintStream out, String prefix) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (pick.test(line)) {
                    picked.accept(line);
                } else {
                    out.println(prefix + line);
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Waits until the stream has ended. */
    void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a child's output", e);
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Everything the stream gave, as UTF-8, once it ended. */
    String awaitText() {
        await();
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
