package io.shmlab.libc;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link NativeMachine#run}: starts N child JVMs (this JVM's java and class path, and the program's
 * own class path after it) running
 * {@link ChildMain} on the program, collects each one's standard output and how it ended, and at the
 * timeout stops those still running (SIGTERM, which makes the child report the call it is blocked in)
 * and then kills them (SIGKILL) if they do not go. The backend's own settings, the system properties
 * named {@code shmlab.native.*} of this JVM (such as {@link NativeSettings#SEMAPHORE_SPINS}), are
 * passed on to every child, so a run is made the way this JVM's backend is set.
 */
final class ChildRun {
    /** The prefix of the system properties passed on to the children. */
    static final String INHERITED_PROPERTIES = "shmlab.native.";
    private static final Logger LOG = LoggerFactory.getLogger(ChildRun.class);
    /** How long a child told to stop may take to report and exit before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How often a wait for a child looks whether it was asked to stop. */
    private static final Duration STOP_POLL = Duration.ofMillis(20);

    private final ProgramSpec program;
    private final RunOptions options;
    private final IntFunction<List<String>> jvmOptions;
    private volatile IntPredicate stopRequested = i -> false;

    ChildRun(ProgramSpec program, RunOptions options) {
        this(program, options, i -> List.of());
    }

    /**
     * @param jvmOptions the JVM options of child {@code i} (such as {@code -Dname=value}), before its
     *     main class
     */
    ChildRun(ProgramSpec program, RunOptions options, IntFunction<List<String>> jvmOptions) {
        this.program = program;
        this.options = options;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Stops every child still running now, as at the timeout (they report the call they are blocked
     * in); safe from any thread while {@link #run} waits.
     */
    void stopNow() {
        stopNow(i -> true);
    }

    /** Stops now the children whose index {@code which} accepts; the others are waited for as before. */
    void stopNow(IntPredicate which) {
        stopRequested = which;
    }

    RunReport run() {
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int i = 0; i < options.processes(); i++) {
                children.add(ChildProcess.start(label(i), command(i)));
            }
            long deadline = System.nanoTime() + options.timeout().toNanos();
            List<ProcessOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                int index = i;
                outcomes.add(children.get(i).awaitUntil(deadline, options.timeout(), STOP_GRACE,
                        () -> stopRequested.test(index)));
            }
            return new RunReport(outcomes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM for " + program.className(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the children of " + program.className(), e);
        } finally {
            for (ChildProcess child : children) {
                child.killIfAlive();
            }
        }
    }

    List<String> command(int index) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith(INHERITED_PROPERTIES))
                .sorted().forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
        command.addAll(jvmOptions.apply(index));
        command.add("-cp");
        command.add(classPath(program));
        command.add(ChildMain.class.getName());
        command.add(program.className());
        command.addAll(program.args());
        return command;
    }

    /** This JVM's class path, then the program's own entries (a user's program), absolute. */
    static String classPath(ProgramSpec program) {
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        for (Path entry : program.classPath()) {
            path.append(java.io.File.pathSeparatorChar).append(entry.toAbsolutePath());
        }
        return path.toString();
    }

    /** A, B, ..., Z, then P26, P27, ... */
    static String label(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index;
    }

    /** How a child ended, from its report lines and its exit status. */
    static Ending ending(List<String> reports, int exitStatus, boolean stoppedAtTimeout, Duration timeout) {
        for (String line : reports) {
            String[] kindAndRest = line.substring(ChildReport.PREFIX.length()).split(" ", 2);
            String rest = kindAndRest.length > 1 ? kindAndRest[1] : "";
            switch (kindAndRest[0]) {
                case ChildReport.EXIT:
                    return new Ending.Exited(Integer.parseInt(rest.trim()));
                case ChildReport.FAULT: {
                    String[] signalAndDetail = rest.split(" ", 2);
                    return new Ending.Killed(Signal.valueOf(signalAndDetail[0]),
                            signalAndDetail.length > 1 ? signalAndDetail[1] : null);
                }
                case ChildReport.STOPPED:
                    if (!rest.equals(ChildReport.NO_CALL)) {
                        return new Ending.Blocked(rest);
                    }
                    return new Ending.Killed(Signal.SIGTERM,
                            "still running at the timeout of " + timeout.toMillis() + " ms, in no blocking call");
                default:
                    LOG.warn("unknown report from a child: {}", line);
            }
        }
        if (stoppedAtTimeout) {
            return new Ending.Killed(Signal.SIGKILL, "still running at the timeout of " + timeout.toMillis()
                    + " ms and did not stop when told");
        }
        if (exitStatus > 128 && Signal.of(exitStatus - 128) != null) {
            return new Ending.Killed(Signal.of(exitStatus - 128), null);
        }
        return new Ending.Exited(exitStatus);
    }

    /** One child JVM, with threads draining its standard output and standard error. */
    private static final class ChildProcess {
        private final String label;
        private final Process process;
        private final StreamDrain stdout;
        private final StreamDrain stderr;

        private ChildProcess(String label, Process process) {
            this.label = label;
            this.process = process;
            this.stdout = StreamDrain.collecting(process.getInputStream(), "stdout of " + label);
            this.stderr = StreamDrain.forwardingLines(process.getErrorStream(), "stderr of " + label,
                    ChildReport::isReport, System.err, "[" + label + "] ");
        }

        static ChildProcess start(String label, List<String> command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            LOG.debug("starting process {}: {}", label, command.subList(command.indexOf(ChildMain.class.getName()), command.size()));
            return new ChildProcess(label, builder.start());
        }

        ProcessOutcome awaitUntil(long deadline, Duration timeout, Duration grace, BooleanSupplier stopNow)
                throws InterruptedException {
            boolean stopped = false;
            if (!awaitExit(deadline, stopNow)) {
                stopped = true;
                LOG.debug("process {} (pid {}) still running at the timeout: stopping it", label, process.pid());
                // Through the handle: Process.destroy would also close the pipes, losing the report.
                process.toHandle().destroy();
                if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                    process.toHandle().destroyForcibly();
                    process.waitFor();
                }
            }
            String output = stdout.awaitText();
            List<String> reports = stderr.awaitMatched();
            Ending ending = ending(reports, process.exitValue(), stopped, timeout);
            return new ProcessOutcome(label, (int) process.pid(), output, ending);
        }

        /** Waits until the process exits (true), or the deadline passes or a stop is asked (false). */
        private boolean awaitExit(long deadline, BooleanSupplier stopNow) throws InterruptedException {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopNow.getAsBoolean()) {
                    return !process.isAlive();
                }
                if (process.waitFor(Math.min(left, STOP_POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
        }

        void killIfAlive() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
