package io.shmlab.replay;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.RunReport;
import io.shmlab.api.ShmNamespace;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.api.ShmSize;
import io.shmlab.libc.NativeBackend;
import io.shmlab.libc.PrivateTmpfs;
import io.shmlab.libc.ScheduledNativeRun;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.ScheduledRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule token of a lab, replayed on the simulator for its trace and then forced on real
 * processes in that order ({@link ScheduledNativeRun}): what {@code shmlab replay <lab> <token>
 * --backend=native} does. The lab's objects and semaphores must not exist before (a left-over one
 * would change the run); every one of them, and the control block, is removed afterwards (for a
 * program of one's own, which declares no names, the names its processes made: {@link CreatedNames}). The
 * program's final check, if it has one, runs in this JVM after the real run, before that clean-up.
 */
public final class NativeReplay {
    /** How long a process is seen asleep in the kernel before its turn is handed on. */
    public static final Duration SETTLE = Duration.ofMillis(50);
    /** The control block's name is the lab's name with this after it. */
    public static final String CONTROL_SUFFIX = "-turns";

    /**
     * Both runs of a token.
     *
     * @param simulated the simulator's run, whose trace gave the order
     * @param order the order forced on the real processes
     * @param real what the real processes did
     * @param report the real processes' report, with the program's final check when it has one
     */
    public record Replay(ScheduledRun simulated, TurnOrder order, ScheduledNativeRun.Result real, RunReport report) {
    }

    private NativeReplay() {
    }

    /**
     * The simulator's run of a token, refused when it cannot be forced on real processes.
     *
     * @throws IllegalArgumentException when the token is malformed or not a schedule of the lab
     * @throws NotReplayableException when the token switches at single memory accesses, or ends at its
     *     step limit
     */
    public static ScheduledRun simulate(LabDefinition lab, LabSettings settings, String token) {
        return simulate(lab, settings, token, null);
    }

    /**
     * The same, on a simulated /dev/shm of {@code shmSize} ({@code null}: the nominal 8 GiB).
     *
     * @throws IllegalArgumentException as above, or when the token was found on another size
     */
    public static ScheduledRun simulate(LabDefinition lab, LabSettings settings, String token, ShmSize shmSize) {
        ScheduledRun run = Replayer.replay(new ProgramSimulation(lab.spec(settings)).withShmSize(shmSize), token);
        if (run.schedule().granularity() == Granularity.ACCESS) {
            throw new NotReplayableException("the schedule switches processes at single memory accesses;"
                    + " real processes can be ordered only at their calls into the OS (find one without --per-access)");
        }
        if (run.outcome() == Outcome.STEP_LIMIT) {
            throw new NotReplayableException("the schedule ends at its step limit, not at the end of the run");
        }
        return run;
    }

    /**
     * Replays a token on real processes.
     *
     * @param timeout how long the real run may take before every process is stopped
     * @throws IllegalStateException when a name of the lab already exists
     */
    public static Replay replay(LabDefinition lab, LabSettings settings, String token, Duration timeout) {
        return replay(lab, settings, token, timeout, null);
    }

    /**
     * Replays a token on real processes that have a /dev/shm of {@code privateShm} of their own (a
     * tmpfs in a mount namespace: {@link PrivateTmpfs}); {@code null}: the host's. In a /dev/shm of
     * their own the lab's names are theirs alone and go with it: only the control block, on the host's,
     * is checked and removed here, and the final check runs in there.
     *
     * @throws IllegalStateException when a name of the lab already exists, or the tmpfs cannot be had
     */
    public static Replay replay(LabDefinition lab, LabSettings settings, String token, Duration timeout,
            ShmSize privateShm) {
        ScheduledRun simulated = simulate(lab, settings, token, privateShm);
        TurnOrder order = TraceTurns.of(simulated.trace());
        if (privateShm != null) {
            return replayInPrivateShm(lab, settings, simulated, order, timeout, privateShm);
        }
        try (Machine machine = new NativeBackend().boot()) {
            String control = lab.name(settings) + CONTROL_SUFFIX;
            List<String> names = names(lab, settings);
            names.add(ShmNamespace.objectFile(control));
            List<String> present = new ArrayList<>(machine.listShm());
            for (String n : names) {
                if (present.contains(n)) {
                    throw new IllegalStateException("/dev/shm/" + n + " already exists; remove it first (it would change the run)");
                }
            }
            Os os = machine.spawn();
            CreatedNames created = lab.declaresNoNames(settings) ? CreatedNames.since(machine) : null;
            ScheduledNativeRun.Result real = null;
            try {
                real = ScheduledNativeRun.run(lab.spec(settings), order, control, SETTLE, timeout);
                return new Replay(simulated, order, real, FinalCheckRun.after(lab.spec(settings), real.report(), machine));
            } finally {
                lab.removeNames(os, settings, List.of());
                if (real != null && created != null) {
                    created.remove(os, real.report().made());
                }
            }
        }
    }

    private static Replay replayInPrivateShm(LabDefinition lab, LabSettings settings, ScheduledRun simulated,
            TurnOrder order, Duration timeout, ShmSize size) {
        String control = lab.name(settings) + CONTROL_SUFFIX;
        try (Machine host = new NativeBackend().boot(); PrivateTmpfs tmpfs = PrivateTmpfs.mount(size)) {
            if (host.listShm().contains(ShmNamespace.objectFile(control))) {
                throw new IllegalStateException("/dev/shm/" + ShmNamespace.objectFile(control)
                        + " already exists; remove it first (it would change the run)");
            }
            ScheduledNativeRun.Result real = ScheduledNativeRun.run(lab.spec(settings), order, control, SETTLE, timeout, tmpfs);
            return new Replay(simulated, order, real, real.report());
        }
    }

    /** The lab's names as /dev/shm lists them. */
    private static List<String> names(LabDefinition lab, LabSettings settings) {
        List<String> names = new ArrayList<>();
        lab.sharedNames(settings).forEach(n -> names.add(ShmNamespace.objectFile(n)));
        lab.semaphoreNames(settings).forEach(n -> names.add(ShmNamespace.semaphoreFile(n)));
        return names;
    }
}
