package io.shmlab.libc;

import io.shmlab.api.ProcessOutcome;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM of a {@link ChildRun}, with threads draining its standard output (kept) and standard
 * error (its {@link ChildReport} lines taken out as they come, the rest forwarded): what it has said
 * of itself (the thread that runs the program, how many of its calls returned, the names they made,
 * how it ended), and
 * whether and why the parent stopped it.
 */
final class ChildProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String label;
    private final Process process;
    private final StreamDrain stdout;
    private final StreamDrain stderr;
    private final List<String> endReports = new ArrayList<>();
    private final List<String> made = new ArrayList<>();
    private volatile int programThread;
    private volatile long returnedCalls;
    private volatile boolean finished;
    private volatile ChildRun.StopReason stopped = ChildRun.StopReason.NONE;
    private final long startedAt = System.nanoTime();

    private ChildProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdout = StreamDrain.collecting(process.getInputStream(), "stdout of " + label);
        this.stderr = StreamDrain.forwardingLines(process.getErrorStream(), "stderr of " + label,
                ChildReport::isReport, this::report, System.err, "[" + label + "] ");
    }

    static ChildProcess start(String label, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        LOG.debug("starting process {}: {}", label, command.subList(command.indexOf(ChildMain.class.getName()), command.size()));
        return new ChildProcess(label, builder.start());
    }

    private void report(String line) {
        switch (ChildReport.kind(line)) {
            case ChildReport.THREAD -> programThread = parse(ChildReport.argument(line));
            case ChildReport.PROGRESS -> returnedCalls = Math.max(returnedCalls, parse(ChildReport.argument(line)));
            case ChildReport.MADE -> {
                synchronized (made) {
                    made.add(ChildReport.madeEntry(ChildReport.argument(line)));
                }
            }
            default -> {
                String kind = ChildReport.kind(line);
                if (kind.equals(ChildReport.EXIT) || kind.equals(ChildReport.FAULT)) {
                    finished = true;
                }
                synchronized (endReports) {
                    endReports.add(line);
                }
            }
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Its JVM is still starting: alive, its program not started yet, for less than {@code limit}. */
    boolean starting(Duration limit) {
        return programThread == 0 && !finished && process.isAlive()
                && System.nanoTime() - startedAt < limit.toNanos();
    }

    /** Alive and not told to stop. */
    boolean unstopped() {
        return process.isAlive() && stopped == ChildRun.StopReason.NONE;
    }

    /** Alive, and its program has not ended: it takes part in deciding a deadlock. */
    boolean running() {
        return process.isAlive() && !finished;
    }

    /** Its progress: the calls of its program that returned, one more once its program has started, one more once it has ended. */
    long progress() {
        return returnedCalls + (programThread != 0 ? 1 : 0) + (running() ? 0 : 1);
    }

    /** What the thread running its program is doing ({@link KernelWait#OTHER} until it has said which it is). */
    KernelWait programThread(ThreadWaitProbe probe) {
        int tid = programThread;
        return tid <= 0 ? KernelWait.OTHER : probe.probe((int) process.pid(), tid);
    }

    /** Tells it to stop (SIGTERM: it reports the call it is in), once, if it is still alive. */
    void stop(ChildRun.StopReason reason) {
        if (stopped == ChildRun.StopReason.NONE && process.isAlive()) {
            stopped = reason;
            LOG.debug("process {} (pid {}): stopping it ({})", label, process.pid(), reason);
            // Through the handle: Process.destroy would also close the pipes, losing the report.
            process.toHandle().destroy();
        }
    }

    /** Waits for it to end (killing it if it was told to stop and does not go) and says how it did. */
    ProcessOutcome awaitOutcome(Duration grace, Duration timeout) throws InterruptedException {
        if (stopped != ChildRun.StopReason.NONE) {
            if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                process.toHandle().destroyForcibly();
            }
        }
        process.waitFor();
        String output = stdout.awaitText();
        stderr.await();
        List<String> reports;
        synchronized (endReports) {
            reports = List.copyOf(endReports);
        }
        return new ProcessOutcome(label, (int) process.pid(), output,
                ChildRun.ending(reports, process.exitValue(), stopped, timeout));
    }

    /**
     * The entries of /dev/shm its program's calls made, in order, as far as it has told them: all of
     * them once {@link #awaitOutcome} has returned.
     */
    List<String> made() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }

    void killIfAlive() {
        if (process.isAlive()) {
            // through the handle, as above: the pipes stay open, so what it reported (the names it
            // made among it) is read to the end and a reader meets no closed stream
            process.toHandle().destroyForcibly();
        }
    }
}
