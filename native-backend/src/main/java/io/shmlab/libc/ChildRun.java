package io.shmlab.libc;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessLabel;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link NativeMachine#run}: starts N child JVMs (this JVM's java and class path, and the
 * program's own class path after it) running
 * {@link ChildMain} on the program, collects each one's standard output, how it ended and the names
 * of /dev/shm its calls made (the report's {@link RunReport#made}), and stops
 * those that cannot end by themselves (SIGTERM, which makes the child report the call it is blocked
 * in, then SIGKILL if it does not go). The backend's own settings, the system properties named
 * {@code shmlab.native.*} of this JVM (such as {@link NativeSettings#SEMAPHORE_SPINS}), are passed
 * on to every child, so a run is made the way this JVM's backend is set.
 *
 * <p>The children end with this JVM: a shutdown hook kills them, and no child starts once the JVM
 * is shutting down, so an interrupted command leaves no child running on to make a name again.
 *
 * <p>A run is watched one of two ways:
 * <ul>
 *   <li>{@link #watched}: by what the processes do. A deadlock is decided from /proc
 *       ({@link HangWatch}: the program's thread of every process still running asleep in an untimed
 *       futex wait, with no progress, over several samples) and reported as processes blocked
 *       forever; the timeout is time without progress (no call of the program returning in any
 *       process, no child's program starting or ending; the clock stands still while a child JVM
 *       is still starting up), and a run that passes it is reported
 *       stalled ({@link Ending.Stalled}), never deadlocked. A slow run that keeps making progress runs
 *       to its end, however long it takes, and so do JVMs slow to start on a busy machine.</li>
 *   <li>{@link #ordered}: for a run whose order a supervisor forces ({@link ScheduledNativeRun}): the
 *       supervisor decides the hang and asks for stops ({@link #stopNow}); the timeout bounds the
 *       whole run.</li>
 * </ul>
 */
final class ChildRun {
    /** The prefix of the system properties passed on to the children. */
    static final String INHERITED_PROPERTIES = "shmlab.native.";
    private static final Logger LOG = LoggerFactory.getLogger(ChildRun.class);
    /** How long a child told to stop may take to report and exit before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * How long a child JVM may take to start its program while the run's clock of progress stands
     * still: sixteen JVMs starting at once on two busy cores take well over ten seconds.
     */
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** How often the run is looked at. */
    private static final Duration POLL = Duration.ofMillis(20);

    /** Why the parent stopped a child. */
    enum StopReason {
        /** It was not stopped by the parent. */
        NONE,
        /** Every process was seen asleep for good: a deadlock. */
        HANG,
        /** The run made no progress for the timeout. */
        NO_PROGRESS,
        /** An ordered run reached its timeout, or its supervisor asked for the stop. */
        TIMEOUT
    }

    private final ProgramSpec program;
    private final RunOptions options;
    private final IntFunction<List<String>> jvmOptions;
    private final boolean byProgress;
    private final ThreadWaitProbe probe;
    private final PrivateTmpfs tmpfs;
    private volatile IntPredicate stopRequested = i -> false;

    private ChildRun(ProgramSpec program, RunOptions options, IntFunction<List<String>> jvmOptions, boolean byProgress,
            ThreadWaitProbe probe, PrivateTmpfs tmpfs) {
        this.program = program;
        this.options = options;
        this.jvmOptions = jvmOptions;
        this.byProgress = byProgress;
        this.probe = probe;
        this.tmpfs = tmpfs;
    }

    /** The same run with every child started inside a /dev/shm of its own ({@code null}: the host's). */
    ChildRun inside(PrivateTmpfs shm) {
        return new ChildRun(program, options, jvmOptions, byProgress, probe, shm);
    }

    /** A run watched by what its processes do: deadlocks from /proc, the timeout as time without progress. */
    static ChildRun watched(ProgramSpec program, RunOptions options) {
        return new ChildRun(program, options, i -> List.of(), true, ThreadWaitProbe.proc(), null);
    }

    /**
     * A run whose supervisor decides when it is over; the timeout bounds the whole run.
     *
     * @param jvmOptions the JVM options of child {@code i} (such as {@code -Dname=value}), before its
     *     main class
     */
    static ChildRun ordered(ProgramSpec program, RunOptions options, IntFunction<List<String>> jvmOptions) {
        return new ChildRun(program, options, jvmOptions, false, ThreadWaitProbe.proc(), null);
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
        boolean[] closing = {false};
        // The children die with this JVM: a shutdown (Ctrl-C, SIGTERM) kills those started and starts no more.
        Thread killChildren = new Thread(() -> {
            synchronized (children) {
                closing[0] = true;
                children.forEach(ChildProcess::killIfAlive);
            }
        }, "shmlab-children-end-with-the-run");
        try {
            Runtime.getRuntime().addShutdownHook(killChildren);
        } catch (IllegalStateException shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down: no run of " + program.className() + " starts now");
        }
        try {
            for (int i = 0; i < options.processes(); i++) {
                synchronized (children) {
                    if (closing[0]) {
                        throw new IllegalStateException("the JVM is shutting down: the run of " + program.className() + " stops");
                    }
                    children.add(ChildProcess.start(ProcessLabel.of(i), command(i)));
                }
            }
            watch(children);
            List<ProcessOutcome> outcomes = new ArrayList<>();
            Set<String> made = new LinkedHashSet<>();
            for (ChildProcess child : children) {
                outcomes.add(child.awaitOutcome(STOP_GRACE, options.timeout()));
                made.addAll(child.made());
            }
            return new RunReport(outcomes, null, null, List.copyOf(made));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM for " + program.className(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the children of " + program.className(), e);
        } finally {
            synchronized (children) {
                children.forEach(ChildProcess::killIfAlive);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(killChildren);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs: it kills them too
            }
        }
    }

    /** Waits until every child has exited or been told to stop. */
    private void watch(List<ChildProcess> children) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        long lastProgress = -1;
        long lastProgressAt = start;
        long nextSample = start + HangWatch.SAMPLE_EVERY.toNanos();
        HangWatch hang = new HangWatch();
        while (children.stream().anyMatch(ChildProcess::unstopped)) {
            Thread.sleep(POLL.toMillis());
            long now = System.nanoTime();
            if (!byProgress) {
                for (int i = 0; i < children.size(); i++) {
                    if (now - deadline >= 0 || stopRequested.test(i)) {
                        children.get(i).stop(StopReason.TIMEOUT);
                    }
                }
                continue;
            }
            long progress = children.stream().mapToLong(ChildProcess::progress).sum();
            boolean starting = children.stream().anyMatch(c -> c.starting(START_LIMIT));
            if (progress != lastProgress || starting) {
                lastProgress = progress;
                lastProgressAt = now;
            }
            StopReason reason = StopReason.NONE;
            if (now - nextSample >= 0) {
                nextSample = now + HangWatch.SAMPLE_EVERY.toNanos();
                List<KernelWait> live = children.stream().filter(ChildProcess::running).map(c -> c.programThread(probe)).toList();
                if (hang.sample(live, progress)) {
                    reason = StopReason.HANG;
                }
            }
            if (reason == StopReason.NONE && now - lastProgressAt >= options.timeout().toNanos()) {
                reason = StopReason.NO_PROGRESS;
            }
            if (reason != StopReason.NONE) {
                LOG.debug("stopping the children of {}: {}", program.className(), reason);
                for (ChildProcess child : children) {
                    child.stop(reason);
                }
                return;
            }
        }
    }

    List<String> command(int index) {
        List<String> command = new ArrayList<>(jvm(program));
        command.addAll(command.size() - 2, jvmOptions.apply(index));
        command.add(ChildMain.class.getName());
        command.add(program.className());
        command.addAll(program.args());
        return tmpfs == null ? command : tmpfs.enter(command);
    }

    /**
     * A child JVM for the program, up to its main class: this JVM's java, the backend's settings, and
     * the class path ({@code -cp PATH} last).
     */
    static List<String> jvm(ProgramSpec program) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith(INHERITED_PROPERTIES))
                .sorted().forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
        command.add("-cp");
        command.add(classPath(program));
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

    /**
     * How a child ended, from its report lines (those other than {@code thread} and {@code progress}),
     * its exit status, and why the parent stopped it.
     */
    static Ending ending(List<String> reports, int exitStatus, StopReason stopped, Duration timeout) {
        String waitsOn = null;
        for (String line : reports) {
            String kind = ChildReport.kind(line);
            String rest = ChildReport.argument(line);
            switch (kind) {
                case ChildReport.EXIT:
                    return new Ending.Exited(Integer.parseInt(rest.trim()));
                case ChildReport.FAULT: {
                    String[] signalAndDetail = rest.split(" ", 2);
                    return new Ending.Killed(Signal.valueOf(signalAndDetail[0]),
                            signalAndDetail.length > 1 ? signalAndDetail[1] : null);
                }
                case ChildReport.WAITS_ON:
                    waitsOn = rest;
                    break;
                case ChildReport.STOPPED:
                    return stoppedIn(rest.equals(ChildReport.NO_CALL) ? null : rest, waitsOn, exitStatus, stopped, timeout);
                case ChildReport.THREAD:
                case ChildReport.PROGRESS:
                case ChildReport.MADE:
                    break;
                default:
                    LOG.warn("unknown report from a child: {}", line);
            }
        }
        if (stopped == StopReason.NO_PROGRESS) {
            if (exitStatus == Signal.SIGTERM.exitStatus()) {
                return new Ending.Stalled(null, null, timeout);
            }
            return new Ending.Killed(Signal.SIGKILL, "no progress for " + io.shmlab.api.Durations.inWords(timeout)
                    + ", and it did not stop when told");
        }
        if (stopped != StopReason.NONE) {
            return new Ending.Killed(Signal.SIGKILL, "still running at the timeout of " + timeout.toMillis()
                    + " ms and did not stop when told");
        }
        Signal signal = Signal.ofExitStatus(exitStatus);
        if (signal != null) {
            return new Ending.Killed(signal, null);
        }
        return new Ending.Exited(exitStatus);
    }

    private static Ending stoppedIn(String call, String waitsOn, int exitStatus, StopReason stopped, Duration timeout) {
        switch (stopped) {
            case NO_PROGRESS:
                return new Ending.Stalled(call, waitsOn, timeout);
            case HANG:
            case TIMEOUT:
                if (call != null) {
                    return new Ending.Blocked(waitsOn == null || call.contains("\"") ? call : call + " on " + waitsOn);
                }
                return new Ending.Killed(Signal.SIGTERM,
                        "still running at the timeout of " + timeout.toMillis() + " ms, in no blocking call");
            default:
                Signal signal = Signal.ofExitStatus(exitStatus);
                return new Ending.Killed(signal != null ? signal : Signal.SIGTERM, call == null ? "stopped from outside the run" : "stopped from outside the run, in " + call);
        }
    }
}
