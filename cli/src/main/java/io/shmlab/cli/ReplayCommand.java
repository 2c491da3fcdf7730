package io.shmlab.cli;

import io.shmlab.api.Machine;
import io.shmlab.api.MachineOptions;
import io.shmlab.api.Os;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.ShmSize;
import io.shmlab.api.Unlink;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import io.shmlab.libc.NativeBackend;
import io.shmlab.replay.NativeReplay;
import io.shmlab.replay.NotReplayableException;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab replay <lab> <token>} (or a program of one's own: {@code File.java <token>},
 * {@code --class NAME <token>}): runs one schedule again on the simulator and draws it as a
 * timeline: one column per process, one row per step, the blocked call marked. With
 * {@code --backend=native} the same order of calls is forced on real processes
 * ({@link NativeReplay}), and both reports are printed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {"Replay a schedule token of a lab, or of a program of your own, as a timeline: on the simulator",
        "(the default), or with --backend=native forced on real processes (child JVMs), reporting how each ended.",
        "A program of your own: File.java <token>, or --class NAME --classpath PATH <token>; its arguments after --."})
final class ReplayCommand implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Mixin
    ExecOption exec;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "native: how long the real processes may take before they are stopped (default ${DEFAULT-VALUE})")
    Duration timeout;

    private LabChoice lab;
    @Option(names = "--html", paramLabel = "FILE",
            description = "also write the schedule as one self-contained page (no server, no network): lanes, blocked calls, "
                    + "semaphores, pages; written whatever the outcome")
    java.nio.file.Path html;

    @Option(names = "--json", description = "print the schedule as JSON (schema " + io.shmlab.web.TraceJson.SCHEMA
            + ") instead of the timeline")
    boolean json;

    private LabOptions labOptions;
    private String token;

    @Override
    public void declare(CommandSpec spec, Labs labs) {
        lab = LabChoice.declareWithToken(spec, labs);
        labOptions = LabOptions.declare(spec, labs.all(), false);
    }

    @Override
    public Integer call() {
        exec.checkUnused();
        shmSize.refuseWithExec(exec);
        if (exec.given() && html != null | json) {
            throw new UsageError("--html and --json draw the simulator's schedule: replay it without --exec");
        }
        if (exec.given() && lab.wordCount() == 1 && !lab.namesClass()) {
            return ExecCommands.replayToken(exec, lab.token(), timeout, root);
        }
        try (LabChoice choice = lab) {
            LabDefinition chosen = choice.resolve(root.programArgs(), root.console());
            token = choice.token();
            if (exec.given()) {
                return ExecCommands.replayForced(exec, chosen, labOptions.settings(chosen), token, timeout, root);
            }
            return replay(chosen, labOptions.settings(chosen));
        }
    }

    private int replay(LabDefinition chosen, LabSettings settings) {
        ShmSize size = shmSize.forToken(token);
        MachineOptions machine = size.equals(ShmSize.NOMINAL) && shmSize.size() == null ? MachineOptions.DEFAULT
                : MachineOptions.withShmSize(size);
        if (backend.resolve(machine).runsRealProcesses()) {
            if (html != null || json) {
                throw new UsageError("--html and --json draw the simulator's schedule: replay it with --backend=sim");
            }
            return replayNative(chosen, settings, machine.shmSize());
        }
        ScheduledRun run = replay(chosen, settings, token, size);
        Console console = root.console();
        int status = run.report().failed() ? ExitCodes.FAILED : ExitCodes.OK;
        if (html != null || json) {
            String schedule = ScheduleExport.json(chosen.id(), token, run);
            if (html != null) {
                ScheduleExport.writePage(html, schedule);
            }
            if (json) {
                console.println(schedule);
                return status;
            }
        }
        console.println("replaying " + chosen.id() + " " + token + " (" + run.steps() + " scheduling points)");
        console.print(Timeline.render(run.trace()));
        console.println("");
        RunReportPrinter.print(run.report(), console);
        if (html != null) {
            console.println("the schedule's page: " + html.toAbsolutePath() + " (open it in a browser)");
        }
        return status;
    }

    private int replayNative(LabDefinition chosen, LabSettings settings, ShmSize privateShm) {
        Console console = root.console();
        try {
            NativeReplay.simulate(chosen, settings, token, privateShm);
        } catch (NotReplayableException e) {
            throw notOnNative(token, chosen.id(), e);
        } catch (IllegalArgumentException e) {
            throw cannotReplay(token, chosen.id(), e);
        }
        claimNames(chosen, settings, console, privateShm == null);
        NativeReplay.Replay replay;
        // the replay removes what it made when it ends; a signal's clean-up waits for that
        Runnable ended = root.cleanUp().awaitedWhenInterrupted();
        try {
            replay = NativeReplay.replay(chosen, settings, token, timeout, privateShm);
        } catch (NotReplayableException e) {
            throw notOnNative(token, chosen.id(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw cannotReplay(token, chosen.id(), e);
        } finally {
            ended.run();
        }
        if (root.cleanUp().isInterrupted()) {
            return ExitCodes.INTERRUPTED; // its processes were stopped by the signal: no verdict
        }
        ScheduledRun simulated = replay.simulated();
        console.println("replaying " + chosen.id() + " " + token + " on native: " + replay.order().size()
                + " turns taken from the simulator's trace, in this order"
                + (privateShm == null ? "" : "; the processes in a /dev/shm of " + privateShm.describe()
                        + " of their own (a tmpfs in a mount namespace)"));
        console.print(Timeline.render(simulated.trace()));
        console.println("");
        console.println("simulator:");
        RunReportPrinter.print(simulated.report(), console);
        console.println("native (" + replay.real().verdict().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + replay.real().detail() + "):");
        RunReportPrinter.print(replay.report(), console);
        return replay.report().failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * Claims the names the replay makes (the lab's and its control block {@code NAME-turns}): an old
     * replay's leftovers are recognised and removed with a note; a name of the user's stops the replay,
     * since it would change the run.
     */
    private void claimNames(LabDefinition chosen, LabSettings settings, Console console, boolean hostShm) {
        try (Machine machine = new NativeBackend().boot()) {
            Os os = machine.spawn();
            OwnedNames.sweep(os).forEach(console::println);
            String control = ShmNamespace.objectFile(chosen.name(settings) + NativeReplay.CONTROL_SUFFIX);
            // in a /dev/shm of their own, the lab's names are not the host's: only the control block is
            List<String> entries = hostShm
                    ? new ArrayList<>(ShmEntries.of(chosen.sharedNames(settings), chosen.semaphoreNames(settings)))
                    : new ArrayList<>();
            List<String> present = machine.listShm();
            if (present.contains(control)) {
                Set<Integer> users = ShmUsers.scan().otherUsers(control);
                if (!users.isEmpty()) {
                    throw new UsageError("another replay of " + chosen.name(settings) + " is running (process(es) " + users
                            + " use /" + control + "); wait for it, or give another --name");
                }
                Unlink.entryIfPresent(os, control);
                console.println("note: removed /" + control + ", the control block of an earlier replay that was killed");
                present = machine.listShm();
            }
            for (String entry : entries) {
                if (present.contains(entry)) {
                    String shown = ShmEntries.display(entry);
                    throw new UsageError(shown + " already exists; remove it first (it would change the run): shmlab rm "
                            + shown.replace("semaphore ", ""));
                }
            }
            entries.add(control);
            MadeNames.removedOnExit(root.cleanUp(), os, "replay " + chosen.id(), entries, present);
        }
        TestHook.startingChildren();
    }

    /** A token that does not replay on {@code target} (a lab, a binary): malformed, or not a schedule of it. */
    static UsageError cannotReplay(String token, String target, RuntimeException e) {
        return new UsageError("cannot replay " + Echo.quoted(token) + " on " + target + ": " + Echo.cut(e.getMessage()));
    }

    private static UsageError notOnNative(String token, String lab, NotReplayableException e) {
        return new UsageError("cannot replay " + Echo.quoted(token) + " of " + lab + " on native: " + e.getMessage());
    }

    static ScheduledRun replay(LabDefinition lab, LabSettings settings, String token) {
        return replay(lab, settings, token, ShmSize.NOMINAL);
    }

    /** The same on a simulated machine whose /dev/shm holds {@code shmSize}. */
    static ScheduledRun replay(LabDefinition lab, LabSettings settings, String token, ShmSize shmSize) {
        try {
            return Replayer.replay(new ProgramSimulation(lab.spec(settings)).withShmSize(shmSize), token);
        } catch (IllegalArgumentException e) {
            throw cannotReplay(token, lab.id(), e);
        }
    }
}
