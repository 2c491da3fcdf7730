package io.shmlab.sim.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The standard output of a simulated process: everything written so far, and live listeners. */
public final class Console {
    private final StringBuilder text = new StringBuilder();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Appends text, as write(1, ...) does, and tells the listeners. */
    public void write(String chunk) {
        synchronized (text) {
            text.append(chunk);
        }
        for (Consumer<String> l : listeners) {
            l.accept(chunk);
        }
    }

    /** Everything written so far. */
    public String contents() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Calls the listener with every chunk written from now on. */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }
}
