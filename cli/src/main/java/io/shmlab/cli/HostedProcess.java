package io.shmlab.cli;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** One process of a {@link ProcessHost}, as its terminal sees it. */
interface HostedProcess {

    /** Its label: A, B, ... */
    String label();

    /** Its pid. */
    int pid();

    /** Gives a line to its standard input. */
    void send(String line);

    /** Ends its standard input: its next read gets end of input. */
    void closeInput();

    /**
     * Calls the sink with each piece of output as it is written (from the process's thread). The
     * process's program starts only once this is called, so no output is missed.
     */
    void onOutput(Consumer<String> sink);

    /** True while it is blocked in a call that waits for another process (sem_wait, ...). */
    boolean blocked();

    /** The call it is in now ({@code sem_wait("/ex3")}), or {@code null}. */
    String currentCall();

    /** Waits at most so long for it to end. */
    Optional<Ending> awaitEnd(Duration timeout);

    /** Sends it a signal. */
    void kill(Signal signal);
}
