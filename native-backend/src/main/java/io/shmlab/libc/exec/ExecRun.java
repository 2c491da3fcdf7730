package io.shmlab.libc.exec;

import io.shmlab.api.Ending;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import io.shmlab.api.Signal;
import io.shmlab.api.Syscall;
import io.shmlab.libc.NativeBackend;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.ControlBlockLayout;
import io.shmlab.libc.turns.ConductedBlock;
import io.shmlab.libc.turns.ConductedBlock.MadeName;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a C program in N real processes under the preloaded turnstile, its conductor deciding every
 * turn ({@link ConductedBlock} has the protocol): it starts the processes with the library preloaded,
 * waits at each point until every process is parked at a call, blocked in one or gone (a process that
 * said its call blocks counts as blocked once {@code /proc} shows it asleep on that futex), asks the
 * {@link TurnChooser} who goes; a {@link RunFollower} records each turn as a step. Sleeps that take
 * no real time wait for a virtual clock, which moves, as the simulator's does, only when no process may
 * go.
 *
 * <p>The run ends when no process may go: every process ended, or those left are all blocked in an
 * untimed wait with no sleep pending (a deadlock, decided by what the processes are doing, never by a
 * timeout); or when a process makes no wrapped call for the quiet limit (a spin loop, reported as
 * such); or when the chooser says the run left the order it forces; or when shmlab is interrupted
 * ({@link Interruption}: the run is cut short and means nothing). Whatever happened, every process
 * is gone at the end, every name the processes made (that did not exist before) is removed, and so is
 * the control block. A process that could not be started, or was killed by SIGINT or SIGTERM, as the
 * interruption came is the interruption's ({@link InterruptionWatch}): neither "could not be started"
 * nor a failure.
 */
public final class ExecRun {
    /** How long the conductor waits on its doorbell before it looks for processes that died. */
    private static final Duration DOORBELL_PATIENCE = Duration.ofMillis(5);
    /** How long it waits between two looks at /proc for a call that said it blocks. */
    private static final long SLEEP_POLL_NANOS = 20_000;
    /** How long a process stopped at the end may take to go. */
    private static final long GRACE_SECONDS = 5;

    /**
     * How a run is made.
     *
     * @param processes how many processes to start
     * @param realTime whether sleeps take real time
     * @param quietLimit how long a process may run without a wrapped call before it is reported as spinning
     * @param interruption whether shmlab is being stopped, asked as the run goes
     */
    public record Settings(int processes, boolean realTime, Duration quietLimit, Interruption interruption) {
        /** Runs that only end by themselves. */
        public Settings(int processes, boolean realTime, Duration quietLimit) {
            this(processes, realTime, quietLimit, Interruption.NONE);
        }
    }

    /** How a run ended. */
    public enum End {
        /** Every process ended. */
        ENDED,
        /** The processes left are all blocked for good. */
        DEADLOCK,
        /** A process made no wrapped call for the quiet limit. */
        QUIET,
        /** The run left the order forced on it. */
        DIVERGED,
        /** shmlab was interrupted (Ctrl-C, SIGTERM): the run was cut short, and counts for nothing. */
        INTERRUPTED
    }

    /**
     * What a run did.
     *
     * @param report each process's output and ending
     * @param steps the turns, as steps, in order
     * @param labels the processes' labels (A, B, ...; forked processes after those started)
     * @param pids their pids
     * @param end how it ended
     * @param detail the end in words
     * @param removed the names the processes made, removed after the run
     */
    public record Result(RunReport report, List<ExecStep> steps, List<String> labels, List<Integer> pids, End end,
            String detail, List<String> removed) {
    }

    /** Told of what a run makes as it makes it, so that an interruption can remove it. */
    public interface Listener {
        /** A process made a name in /dev/shm. */
        void made(MadeName name);
    }

    private final ExecProgram program;
    private final Settings settings;
    private final Path library;
    private final TurnChooser chooser;
    private final Path outputs;
    private final InterruptionWatch interruption;
    private ConductedBlock block;
    private RunFollower follower;
    private List<Slot> slots;
    private long turns;
    private End end;
    private String detail = "";

    private ExecRun(ExecProgram program, Settings settings, Path library, TurnChooser chooser, Path outputs) {
        this.program = program;
        this.settings = settings;
        this.library = library;
        this.chooser = chooser;
        this.outputs = outputs;
        this.interruption = new InterruptionWatch(settings.interruption());
    }

    /**
     * Runs the program once.
     *
     * @param library the preloaded turnstile ({@link CBuild#turnstile()})
     * @param controlName the control block's name (one word starting with a slash, not in use)
     * @param outputs a folder for the processes' output files
     */
    public static Result run(ExecProgram program, Settings settings, Path library, String controlName, TurnChooser chooser,
            Listener listener, Path outputs) {
        try (io.shmlab.api.Machine machine = new NativeBackend().boot()) {
            return run(machine.spawn(), program, settings, library, controlName, chooser, listener, outputs);
        }
    }

    /**
     * Runs the program once, the control block made and removed through {@code os} (a process of a
     * native machine the caller keeps for many runs).
     */
    public static Result run(Os os, ExecProgram program, Settings settings, Path library, String controlName,
            TurnChooser chooser, Listener listener, Path outputs) {
        ExecRun run = new ExecRun(program, settings, library, chooser, outputs);
        run.block = ConductedBlock.create(os, controlName, settings.processes(), settings.realTime());
        run.follower = new RunFollower(run.block, chooser, listener, settings.realTime());
        run.slots = run.follower.slots;
        try {
            return run.conduct(os, controlName);
        } finally {
            run.block.close();
            ControlBlock.unlink(os, controlName);
        }
    }

    private Result conduct(Os os, String controlName) {
        List<String> removed;
        try {
            try {
                if (!interrupted()) {
                    for (int i = 0; i < settings.processes(); i++) {
                        slots.add(start(i, controlName));
                    }
                    loop();
                }
            } catch (ExecDivergence e) {
                end = End.DIVERGED;
                detail = e.getMessage();
            } catch (IOException e) {
                if (!interruption.explainsAFailedStart()) {
                    throw new NotRunnableException(program.binary() + " could not be started: " + e.getMessage());
                }
                endInterrupted();
            } finally {
                stopAll();
            }
            if (end != End.INTERRUPTED) {
                interrupted();
            }
        } finally {
            removed = removeNames(os);
        }
        List<ProcessOutcome> outcomes = new ArrayList<>();
        for (Slot s : slots) {
            outcomes.add(new ProcessOutcome(s.label, s.pid, output(s), ending(s)));
        }
        return new Result(new RunReport(outcomes, null), follower.steps, slots.stream().map(s -> s.label).toList(),
                slots.stream().map(s -> s.pid).toList(), end, detail, removed);
    }

    private Slot start(int i, String controlName) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program.binary().toString());
        command.addAll(program.argsOf(i));
        ProcessBuilder builder = new ProcessBuilder(command);
        String preload = System.getenv("LD_PRELOAD");
        builder.environment().put("LD_PRELOAD", library + (preload == null || preload.isBlank() ? "" : " " + preload));
        builder.environment().put("SHMLAB_TURNS", controlName);
        builder.environment().put("SHMLAB_SLOT", Integer.toString(i));
        Path out = outputs.resolve("process-" + i + ".out");
        builder.redirectOutput(out.toFile()).redirectErrorStream(true);
        Path in = program.stdinOf(i);
        builder.redirectInput(in == null ? new File("/dev/null") : in.toFile());
        return new Slot(i, builder.start(), out);
    }

    private void loop() {
        while (true) {
            if (!settle() || interrupted()) {
                return;
            }
            List<Integer> enabled = new ArrayList<>();
            for (Slot s : slots) {
                if (!s.ended && (s.pending != null || s.resuming)) {
                    enabled.add(s.index);
                }
            }
            if (enabled.isEmpty()) {
                if (follower.fireVirtualClock()) {
                    continue;
                }
                if (slots.stream().anyMatch(s -> !s.ended && s.blocks == ControlBlockLayout.BLOCKS_TIMED)) {
                    block.awaitDoorbell(DOORBELL_PATIENCE);
                    continue;
                }
                chooser.ended();
                boolean blocked = slots.stream().anyMatch(s -> !s.ended);
                end = blocked ? End.DEADLOCK : End.ENDED;
                detail = blocked ? "every process left is blocked in an untimed wait, none is at a turn, no sleep is pending"
                        : "every process ended";
                return;
            }
            give(chooser.choose(choice(enabled)));
        }
    }

    private Choice choice(List<Integer> enabled) {
        int n = slots.size();
        Syscall[] calls = new Syscall[n];
        boolean[] resuming = new boolean[n];
        int[] arrivals = new int[n];
        block.lock();
        try {
            for (Slot s : slots) {
                calls[s.index] = s.resuming ? s.blockedCall : s.pending;
                resuming[s.index] = s.resuming;
                arrivals[s.index] = s.ended ? Integer.MAX_VALUE : block.arrival(s.index);
            }
        } finally {
            block.unlock();
        }
        return new Choice(enabled.stream().mapToInt(Integer::intValue).toArray(), calls, resuming, arrivals, follower.current(), n, turns);
    }

    private void give(int p) {
        Slot s = slots.get(p);
        if (s.ended || (s.pending == null && !s.resuming)) {
            throw new IllegalStateException("process " + s.label + " cannot take a turn now");
        }
        if (s.resuming) {
            s.resuming = false;
            s.blocks = 0;
            s.given = s.blockedCall;
            s.givenText = s.blockedText;
            s.givenResume = true;
        } else {
            s.given = s.pending;
            s.givenText = s.pendingText;
            s.lastCall = s.pendingText;
            s.pending = null;
        }
        follower.turnGiven(p);
        turns++;
        block.lock();
        try {
            block.giveTurn(p);
        } finally {
            block.unlock();
        }
    }

    /**
     * True when shmlab is interrupted, or a process was killed by SIGINT or SIGTERM and the interruption
     * comes within the grace; then the run's end is {@link End#INTERRUPTED}.
     */
    private boolean interrupted() {
        boolean interrupted = interruption.interrupted(slots);
        if (interrupted) {
            endInterrupted();
        }
        return interrupted;
    }

    private void endInterrupted() {
        end = End.INTERRUPTED;
        detail = "shmlab was interrupted";
    }

    /**
     * Waits until every process is parked at a call, blocked in one or gone, recording the steps of
     * what it sees on the way; false, the run's end set, when nothing changed for the quiet limit or
     * shmlab is interrupted.
     */
    private boolean settle() {
        long lastChange = System.nanoTime();
        while (true) {
            if (interruption.now()) {
                endInterrupted();
                return false;
            }
            boolean changed = follower.look();
            boolean settled = true;
            boolean polling = false;
            for (Slot s : slots) {
                if (s.ended) {
                    continue;
                }
                if (s.blocks == ControlBlockLayout.BLOCKS_VIRTUAL || s.pending != null || s.resuming) {
                    continue;
                }
                boolean asleep = s.blocks == ControlBlockLayout.BLOCKS_UNTIMED ? KernelSleep.onFutex(s.pid, s.tid, s.waitAddress)
                        : s.blocks == ControlBlockLayout.BLOCKS_TIMED && KernelSleep.timed(s.pid, s.tid);
                if (!asleep) {
                    settled = false;
                    polling |= s.blocks != 0;
                }
            }
            long now = System.nanoTime();
            if (changed) {
                lastChange = now;
            }
            if (settled) {
                return true;
            }
            if (now - lastChange > settings.quietLimit().toNanos()) {
                end = End.QUIET;
                detail = quietDetail();
                return false;
            }
            if (polling) {
                LockSupport.parkNanos(SLEEP_POLL_NANOS);
            } else {
                block.awaitDoorbell(DOORBELL_PATIENCE);
            }
        }
    }

    private String quietDetail() {
        for (Slot s : slots) {
            if (!s.ended && s.pending == null && !s.resuming && s.blocks == 0) {
                return "process " + s.label + " made no call shmlab orders for " + io.shmlab.api.Durations.inWords(settings.quietLimit())
                        + " (a spin loop?)" + (s.lastCall.isEmpty() ? "" : " after " + s.lastCall);
            }
        }
        return "no process moved for " + io.shmlab.api.Durations.inWords(settings.quietLimit());
    }

    private void stopAll() {
        for (Slot s : slots) {
            if (s.process == null || !s.ended) {
                s.kill();
            }
        }
        for (Slot s : slots) {
            if (s.process != null) {
                try {
                    if (!s.process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                        s.process.destroyForcibly();
                        s.process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    s.process.destroyForcibly();
                }
            }
        }
    }

    private Ending ending(Slot s) {
        if (s.ended && !s.dead) {
            return new Ending.Exited(s.exitStatus);
        }
        if (s.ended) {
            return s.deathEnding();
        }
        return switch (end == null ? End.DIVERGED : end) {
            case DEADLOCK -> new Ending.Blocked(s.blockedText);
            case QUIET -> new Ending.Stalled(s.pending != null ? "its turn at " + s.pendingText
                    : s.blocks != 0 ? s.blockedText : "its own code, with no call shmlab orders"
                            + (s.lastCall.isEmpty() ? "" : " since " + s.lastCall), null, settings.quietLimit());
            default -> new Ending.Killed(Signal.SIGKILL, "stopped: " + detail);
        };
    }

    private static String output(Slot s) {
        if (s.output == null) {
            return "";
        }
        try {
            return Files.readString(s.output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> removeNames(Os os) {
        List<String> removed = new ArrayList<>();
        block.lock();
        List<MadeName> names;
        try {
            names = block.madeNames();
        } finally {
            block.unlock();
        }
        for (MadeName name : names) {
            try {
                if (name.unlinkIfPresent(os)) {
                    removed.add(name.shown());
                }
            } catch (RuntimeException e) {
                // a name the program spelt wrongly (it failed for it too): nothing to remove
            }
        }
        return removed;
    }
}
