package io.shmlab.sim.kernel;

import java.util.ArrayDeque;

/**
 * The standard input of a simulated process: lines sent from outside, then an end of input. Reading
 * blocks the reader's thread until a line comes or the input is closed; it waits on the outside
 * world, not on another simulated process, so it is never part of a deadlock.
 */
public final class ProcessInput {
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private boolean closed;

    /** Queues a line (without its newline). */
    public synchronized void send(String line) {
        if (closed) {
            throw new IllegalStateException("input is closed");
        }
        lines.add(line);
        notifyAll();
    }

    /** Ends the input: reads past the queued lines return null. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** True when a read would not wait. */
    public synchronized boolean ready() {
        return !lines.isEmpty() || closed;
    }

    /** Waits until a read would not wait. */
    public synchronized void awaitReady() throws InterruptedException {
        while (lines.isEmpty() && !closed) {
            wait();
        }
    }

    /** The next line, waiting for one; null at end of input. */
    public synchronized String take() throws InterruptedException {
        while (lines.isEmpty() && !closed) {
            wait();
        }
        return lines.poll();
    }
}
