package io.shmlab.sim;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import io.shmlab.sim.kernel.KernelProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A simulated process running a program on its own thread, started by
 * {@link SimMachine#launch(String, io.shmlab.api.Program)}: its standard input and output, how it
 * ended, and a way to send it a signal (Ctrl-C is SIGINT).
 */
public final class SimProcess {
    private final KernelProcess process;

    SimProcess(KernelProcess process) {
        this.process = process;
    }

    public int pid() {
        return process.pid();
    }

    public String label() {
        return process.label();
    }

    /** Sends a line of standard input, for the program's {@code readLine}. */
    public void send(String line) {
        process.input().send(line);
    }

    /** Ends the standard input: {@code readLine} returns null once the lines sent are read. */
    public void closeInput() {
        process.input().close();
    }

    /** Everything the process wrote so far. */
    public String output() {
        return process.console().contents();
    }

    /** Calls the listener with each chunk the process writes from now on. */
    public void onOutput(Consumer<String> listener) {
        process.console().listen(listener);
    }

    /**
     * Waits for the process to end, at most the timeout.
     *
     * @return how it ended, or empty if it is still running
     */
    public Optional<Ending> awaitEnd(Duration timeout) {
        try {
            return process.awaitEnd(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(process.ending());
        }
    }

    /**
     * Sends a signal. The simulated programs have no handlers, so every signal ends the process ("killed
     * by SIGINT"), delivered at its next call or memory access, or at once if it is blocked.
     */
    public void kill(Signal signal) {
        process.signal(signal);
    }

    /** The kernel's record of the process. */
    public KernelProcess process() {
        return process;
    }

    @Override
    public String toString() {
        return "SimProcess[" + process + "]";
    }
}
