package io.shmlab.cli;

import io.shmlab.exec.ArrivalTurns;
import io.shmlab.exec.CTwins;
import io.shmlab.exec.ExecExploration;
import io.shmlab.exec.ExecTimeline;
import io.shmlab.exec.ExecToken;
import io.shmlab.exec.ForcedTurns;
import io.shmlab.exec.NotRepeatableException;
import io.shmlab.exec.StrategyTurns;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.replay.NativeReplay;
import io.shmlab.replay.NotReplayableException;
import io.shmlab.replay.TraceTurns;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.ExternalChoices;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.sim.sched.ScheduledRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --exec} forms of {@code trace}, {@code explore} and {@code replay}: a C binary in real
 * processes under the preloaded turnstile ({@link ExecRuns}), its runs drawn with the simulator's
 * timeline and reported with the runs' printer, tokens that record the binary's name and arguments.
 * Ctrl-C or SIGTERM stops the run in progress; {@code explore} then prints the counts of the schedules
 * run before it, as the simulator's explore does, and a run cut short is printed by no command.
 */
final class ExecCommands {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,{}-]+");

    private ExecCommands() {
    }

    /** {@code trace --exec}: one run, in the order the processes arrive at their calls. */
    static int trace(ExecOption exec, int procs, Duration quiet, ShmlabCommand root) {
        Console console = root.console();
        try (ExecRuns runs = ExecRuns.open(Path.of(exec.binary), root.programArgs(), exec, procs, quiet, console,
                root.cleanUp(), "trace --exec " + exec.binary)) {
            console.println("tracing " + runs.program().name() + " in " + procs + " process(es) on real processes, each call a turn"
                    + " taken in the order the processes arrive at their calls" + sleeps(exec));
            ExternalChoices record = ExternalChoices.recording();
            record.beginSchedule();
            ExecRun.Result result = runs.run(new ArrivalTurns(record));
            if (result.end() == ExecRun.End.INTERRUPTED) {
                return ExitCodes.INTERRUPTED;
            }
            printRun(result, console);
            String token = record.schedule(procs, ExecToken.foundFor(runs.program())).encode();
            console.println("schedule: " + token);
            console.println("replay it: " + replayHint(exec.binary, token, root.programArgs()));
            return status(result);
        }
    }

    /** {@code explore --exec}: many schedules, bounded DFS (2 preemptions) by default. */
    static int explore(ExecOption exec, int procs, ExploreOptions options, Duration quiet, ShmlabCommand root) {
        if (exec.twin()) {
            throw new UsageError("explore --exec needs the BINARY to run");
        }
        Console console = root.console();
        CleanUp cleanUp = root.cleanUp();
        try (ExecRuns runs = ExecRuns.open(Path.of(exec.binary), root.programArgs(), exec, procs, quiet, console, cleanUp,
                "explore --exec " + exec.binary)) {
            console.println("exploring " + runs.program().name() + " with " + procs + " process(es) on real processes: "
                    + options.strategy().userName()
                    + (options.strategy().userName().equals("dfs") ? ", " + Exploration.searchKind(options) : "")
                    + ", switching at every call the turnstile orders" + sleeps(exec)
                    + (options.maxSchedules() == Long.MAX_VALUE ? "" : ", at most " + options.maxSchedules() + " schedules"));
            Runnable summarised = cleanUp.awaitedFirstWhenInterrupted();
            ExplorationReport report;
            try {
                report = ExecExploration.explore(runs.program(), procs, options, runs::run, latest -> {
                    console.status("  " + latest.schedules() + " schedules, " + latest.failing() + " failing");
                    if (latest.schedules() == 1) {
                        TestHook.reached(TestHook.SCHEDULE_COUNTED);
                    }
                });
            } catch (NotRepeatableException e) {
                console.status(null);
                throw new UsageError("cannot explore " + runs.program().name() + ": " + e.getMessage());
            }
            Exploration.Cut cut = cleanUp.isInterrupted() ? Exploration.Cut.INTERRUPTED : Exploration.Cut.of(report, options);
            console.status(null);
            try {
                Exploration.printSummary(report, cut, options, console,
                        token -> replayHint(exec.binary, token, root.programArgs()));
            } finally {
                summarised.run();
            }
            return report.failing() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** {@code replay --exec BINARY TOKEN}: a token of {@code explore --exec} or {@code trace}, run again. */
    static int replayToken(ExecOption exec, String token, Duration quiet, ShmlabCommand root) {
        if (exec.twin()) {
            throw new UsageError("replay --exec BINARY TOKEN needs the BINARY; replay <lab> <token> --exec forces a"
                    + " simulator schedule on the lab's C twin");
        }
        Console console = root.console();
        Schedule schedule;
        try {
            schedule = io.shmlab.sim.sched.Schedule.decode(token);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cannot replay " + Echo.quoted(token) + ": " + Echo.cut(e.getMessage()));
        }
        try (ExecRuns runs = ExecRuns.open(Path.of(exec.binary), root.programArgs(), exec, schedule.processes(), quiet, console,
                root.cleanUp(), "replay --exec " + exec.binary)) {
            try {
                schedule = ExecToken.decode(token, runs.program());
            } catch (IllegalArgumentException e) {
                throw ReplayCommand.cannotReplay(token, exec.binary, e);
            }
            console.println("replaying " + runs.program().name() + " " + token + " on real processes" + sleeps(exec));
            ExternalChoices choices = ExternalChoices.replaying(schedule);
            choices.beginSchedule();
            ExecRun.Result result;
            try {
                result = runs.run(new StrategyTurns(choices));
            } catch (NotRepeatableException e) {
                throw new UsageError("cannot replay " + Echo.quoted(token) + ": " + e.getMessage());
            }
            if (result.end() == ExecRun.End.INTERRUPTED) {
                return ExitCodes.INTERRUPTED;
            }
            choices.endSchedule();
            printRun(result, console);
            if (choices.misfit() != null) {
                console.println("note: the token no longer fits the program: " + choices.misfit());
            }
            return status(result);
        }
    }

    /**
     * {@code replay <lab> <token> --exec [BINARY]}: the order of calls of a schedule the simulator found
     * on the Java program, forced on the C binary (the lab's C twin when no binary is given).
     */
    static int replayForced(ExecOption exec, LabDefinition lab, LabSettings settings, String token, Duration quiet,
            ShmlabCommand root) {
        Console console = root.console();
        ScheduledRun simulated;
        try {
            simulated = NativeReplay.simulate(lab, settings, token);
        } catch (NotReplayableException e) {
            throw new UsageError("cannot force " + Echo.quoted(token) + " of " + lab.id() + " on a binary: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ReplayCommand.cannotReplay(token, lab.id(), e);
        }
        TurnOrder order;
        try {
            order = TraceTurns.of(simulated.trace());
        } catch (NotReplayableException e) {
            throw new UsageError("cannot force " + Echo.quoted(token) + " of " + lab.id() + " on a binary: " + e.getMessage());
        }
        Path binary;
        if (exec.twin()) {
            try {
                binary = CTwins.built(lab.id());
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage() + "; give the binary: --exec BINARY");
            } catch (io.shmlab.libc.exec.NotRunnableException e) {
                throw new io.shmlab.api.BackendUnavailableException(e.getMessage());
            }
        } else {
            binary = Path.of(exec.binary);
        }
        List<String> args = lab.spec(settings).args();
        try (ExecRuns runs = ExecRuns.open(binary, args, exec, order.processes(), quiet, console, root.cleanUp(),
                "replay " + lab.id() + " --exec")) {
            console.println("forcing " + lab.id() + " " + token + " on " + (exec.twin() ? "its C twin " + binary : binary)
                    + ": " + order.size() + " turns taken from the simulator's trace" + sleeps(exec));
            ForcedTurns forced = new ForcedTurns(order);
            ExecRun.Result result = runs.run(forced);
            if (result.end() == ExecRun.End.INTERRUPTED) {
                return ExitCodes.INTERRUPTED;
            }
            printRun(result, console);
            console.println("simulator (" + simulated.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "):");
            RunReportPrinter.print(simulated.report(), console);
            if (result.end() == ExecRun.End.DIVERGED) {
                console.println("the C program left the schedule: " + result.detail());
            } else {
                console.println("the C program followed the schedule: " + forced.taken() + " of " + order.size() + " turns taken");
            }
            return status(result);
        }
    }

    /** A run's exit status: FAILED when a process failed or the run did not end by itself (a deadlock, a spin, a divergence). */
    private static int status(ExecRun.Result result) {
        return result.report().failed() || result.end() != ExecRun.End.ENDED ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static void printRun(ExecRun.Result result, Console console) {
        console.print(ExecTimeline.render(result));
        console.println("");
        RunReportPrinter.print(result.report(), console);
        if (!result.removed().isEmpty()) {
            console.println("removed after the run: " + String.join(", ", result.removed()));
        }
    }

    private static String sleeps(ExecOption exec) {
        return exec.realTime ? "; sleeps take real time" : "; sleeps take no real time";
    }

    /** {@code shmlab replay --exec BINARY TOKEN [-- ARGS]}. */
    static String replayHint(String binary, String token, List<String> args) {
        StringBuilder b = new StringBuilder("shmlab replay --exec ").append(quote(binary)).append(' ').append(token);
        if (!args.isEmpty()) {
            b.append(" --");
            args.forEach(a -> b.append(' ').append(quote(a)));
        }
        return b.toString();
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
