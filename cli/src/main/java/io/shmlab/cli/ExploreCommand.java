package io.shmlab.cli;

import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.Labs;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.StrategyKind;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab explore <lab>} (or a program of one's own): runs it under many schedules on the
 * simulator, with a progress line, then a summary: schedules run, how many ended each way, and the
 * failing schedule's token.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, description = {"Run a lab, or a program of your own, on the simulator under many schedules and count how they end.",
    "A failing schedule is printed as a token: shmlab replay <lab> <token> shows it as a timeline.",
    "A program of your own: File.java, or --class NAME --classpath PATH; its arguments after --."})
final class ExploreCommand implements Callable<Integer>, LabCommand {

    @ParentCommand
    ShmlabCommand root;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "processes per schedule (default ${DEFAULT-VALUE})")
    int procs;

    @Option(names = "--strategy", paramLabel = "dfs|pct|random", defaultValue = "dfs",
            description = "dfs (every schedule, up to equivalence: complete), pct or random (default ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--preemptions", paramLabel = "K", description = "dfs: only schedules with at most K preemptions "
            + "(a bounded search, without the partial-order reduction; default: no bound)")
    Integer preemptions;

    @Option(names = "--no-dpor", description = "dfs: run every schedule, not one per class of equivalent ones")
    boolean noDpor;

    @Option(names = "--max-schedules", paramLabel = "M", description = "the most schedules to run "
            + "(default: no limit for dfs, 10000 for pct and random)")
    Long maxSchedules;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of pct and random, and of the address layout (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-access", negatable = true, description = "switch processes at every load and store too "
            + "(default: on for labs whose race is in plain memory, such as ex1's counter; off for a program of your own)")
    Boolean perAccess;

    @Option(names = "--stop-at-first", description = "stop at the first failing schedule")
    boolean stopAtFirst;

    @Option(names = "--threads", paramLabel = "N", description = "dfs: explore on N threads (default: every core);"
            + " the counts and the tokens printed do not depend on N. pct and random run on one thread")
    Integer threads;

    @Mixin
    SimOnlyOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Mixin
    ExecOption exec;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "--exec: how long a process may run without a call the turnstile orders before it is reported"
                    + " as spinning (default ${DEFAULT-VALUE})")
    java.time.Duration timeout;

    private LabChoice lab;
    private LabOptions labOptions;

    @Override
    public void declare(CommandSpec spec, Labs labs) {
        lab = LabChoice.declare(spec, labs);
        labOptions = LabOptions.declare(spec, labs.all(), false);
    }

    @Override
    public Integer call() {
        exec.checkUnused();
        shmSize.refuseWithExec(exec);
        if (exec.given()) {
            return ExecCommands.explore(exec, procs, execOptions(), timeout, root);
        }
        backend.check("explore");
        try (LabChoice choice = lab) {
            LabDefinition chosen = choice.resolve(root.programArgs(), root.console());
            ExploreOptions options = options(chosen);
            ExplorationReport report = Exploration.run(chosen, labOptions.settings(chosen), procs, options, shmSize.size(),
                    root.console(), root.cleanUp());
            return report.failing() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** A C program's search: bounded DFS with 2 preemptions unless told otherwise (no reduction on real processes). */
    private ExploreOptions execOptions() {
        if (noDpor || perAccess != null) {
            throw new UsageError("--exec explores at the C program's calls, with bounded dfs, pct or random: no --no-dpor or --per-access");
        }
        if (preemptions == null) {
            preemptions = EXEC_PREEMPTIONS;
        }
        return options(null).withDpor(false).withPerAccess(false);
    }

    /** The preemption bound of {@code explore --exec} by default. */
    static final int EXEC_PREEMPTIONS = 2;

    private ExploreOptions options(LabDefinition chosen) {
        if (procs < 1 || procs > 16) {
            throw new UsageError("--procs=" + procs + ": explore 1 to 16 processes");
        }
        if (preemptions != null && preemptions < 0) {
            throw new UsageError("--preemptions=" + preemptions + ": give 0 or more");
        }
        if (maxSchedules != null && maxSchedules < 1) {
            throw new UsageError("--max-schedules=" + maxSchedules + ": give 1 or more");
        }
        if (threads != null && threads < 1) {
            throw new UsageError("--threads=" + threads + ": give 1 or more");
        }
        StrategyKind kind;
        try {
            kind = StrategyKind.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        long budget = maxSchedules != null ? maxSchedules : kind == StrategyKind.DFS ? Long.MAX_VALUE : 10_000;
        boolean access = perAccess != null ? perAccess : chosen != null && chosen.raceInMemory();
        ExploreOptions defaults = ExploreOptions.defaults();
        return defaults.withThreads(threads != null ? threads : defaults.threads()).withStrategy(kind)
                .withPreemptionBound(preemptions != null ? preemptions : ExploreOptions.NO_BOUND).withDpor(!noDpor)
                .withMaxSchedules(budget).withSeed(seed).withPerAccess(access).withStopAtFirstFailure(stopAtFirst)
                .withProgressEvery(Math.max(1, Math.min(1000, budget / 20)));
    }

    /** Prints an outcome's name as a user reads it. */
    static String name(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
