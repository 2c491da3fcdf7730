package io.shmlab.check;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.ShmSize;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.program.ProgramClasses;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.StrategyKind;
import java.util.List;

/**
 * A program to check on the simulator, with how: the entry point of shmlab as a library.
 *
 * <p>{@link #explore()} runs the program in {@link #processes(int) N} simulated processes under many
 * schedules and reports how they ended; {@link #replay(String)} runs one schedule token again, with
 * its timeline. Defaults: 2 processes, a complete depth-first search (no preemption bound) reduced by
 * DPOR, on every core, at most 10,000 schedules, seed 0, switching processes at system calls only, no
 * final check (unless the program's class implements {@link FinalCheck}). Immutable: each option gives
 * a new check.
 *
 * <pre>{@code
 * CheckReport report = ProgramCheck.of(Counter.class).processes(2).perAccess(true).explore();
 * assert !report.failed() : report.failureMessage();
 * }</pre>
 *
 * <p>Each process builds its own instance of the program with the arguments given, from classes of
 * its own: a {@code static} field is per process, as on Linux.
 */
public final class ProgramCheck {
    /** The schedule budget unless one is given. */
    public static final long DEFAULT_MAX_SCHEDULES = 10_000;

    private final ProgramClasses program;
    private final int processes;
    private final ExploreOptions options;
    private final FinalCheck check;
    private final ShmSize shmSize;

    private ProgramCheck(ProgramClasses program, int processes, ExploreOptions options, FinalCheck check,
            ShmSize shmSize) {
        if (processes < 1) {
            throw new IllegalArgumentException("processes=" + processes + ": give 1 or more");
        }
        this.program = program;
        this.processes = processes;
        this.options = options;
        this.check = check;
        this.shmSize = shmSize;
    }

    /**
     * A program class and the arguments its {@code (String[])} constructor gets in every process.
     *
     * @throws IllegalArgumentException when the class has no usable constructor or its constructor
     *     throws, saying which
     */
    public static ProgramCheck of(Class<? extends Program> program, String... args) {
        return new ProgramCheck(ProgramClasses.of(program, List.of(args)), 2, defaults(), null, ShmSize.NOMINAL);
    }

    /**
     * A program by spec: class name, arguments, and the class path its classes are on (when not on
     * this JVM's).
     *
     * @throws IllegalArgumentException when the class cannot be found or built, saying why
     */
    public static ProgramCheck of(ProgramSpec program) {
        return new ProgramCheck(ProgramClasses.of(program), 2, defaults(), null, ShmSize.NOMINAL);
    }

    private static ExploreOptions defaults() {
        return ExploreOptions.defaults().withMaxSchedules(DEFAULT_MAX_SCHEDULES).withProgressEvery(DEFAULT_MAX_SCHEDULES);
    }

    /** How many processes run the program in each schedule (2 unless set). */
    public ProgramCheck processes(int count) {
        return new ProgramCheck(program, count, options, check, shmSize);
    }

    /** The exploration strategy: dfs (exhaustive, or within a preemption bound), pct or random. */
    public ProgramCheck strategy(StrategyKind strategy) {
        return with(options.withStrategy(strategy));
    }

    /**
     * DFS: the most preemptions per schedule (none unless set: a complete search, reduced by DPOR); a
     * bounded search runs every schedule within the bound, unreduced.
     */
    public ProgramCheck preemptionBound(int bound) {
        return with(options.withPreemptionBound(bound));
    }

    /** The seed of PCT and random choices and of the simulated address layout (0 unless set). */
    public ProgramCheck seed(long seed) {
        return with(options.withSeed(seed));
    }

    /**
     * True to switch processes at every load and store through a mapping as well as at system calls:
     * what a race in plain memory (a counter incremented without a lock) needs to show. Off unless set.
     */
    public ProgramCheck perAccess(boolean on) {
        return with(options.withPerAccess(on));
    }

    /** The most schedules to run: the budget (10,000 unless set). */
    public ProgramCheck maxSchedules(long budget) {
        return with(options.withMaxSchedules(budget).withProgressEvery(budget));
    }

    /** PCT: the bug depth {@code d} (3 unless set). */
    public ProgramCheck pctDepth(int depth) {
        return with(options.withPctDepth(depth));
    }

    /** True to stop at the first failing schedule (off unless set: count every outcome). */
    public ProgramCheck stopAtFirstFailure(boolean stop) {
        return with(options.withStopAtFirstFailure(stop));
    }

    /**
     * A check over the shared state, run once every process of a schedule has exited, with an {@code Os}
     * of its own; a schedule whose check throws is a failing one. Replaces the program's own check when
     * its class implements {@link FinalCheck}.
     */
    public ProgramCheck finalCheck(FinalCheck finalCheck) {
        return new ProgramCheck(program, processes, options, finalCheck, shmSize);
    }

    /**
     * The capacity of the simulated /dev/shm (the nominal 8 GiB unless set): a program that touches
     * more pages of its objects than that gets SIGBUS, a posix_fallocate too large ENOSPC. A token
     * records it.
     */
    public ProgramCheck shmSize(ShmSize size) {
        return new ProgramCheck(program, processes, options, check, size == null ? ShmSize.NOMINAL : size);
    }

    private ProgramCheck with(ExploreOptions newOptions) {
        return new ProgramCheck(program, processes, newOptions, check, shmSize);
    }

    /** The program's spec: class name and arguments. */
    public ProgramSpec program() {
        return program.spec();
    }

    /** How many processes each schedule runs. */
    public int processes() {
        return processes;
    }

    /** The exploration's options. */
    public ExploreOptions options() {
        return options;
    }

    /**
     * Runs the program under many schedules and counts how they ended; the shortest failing schedule,
     * if any, is replayed for its timeline.
     *
     * @throws IllegalArgumentException when that replay diverges: the program does not run the same
     *     way twice under one schedule (it reads the clock, or an unseeded {@code Random}), saying where
     */
    public CheckReport explore() {
        return explore(ProgressListener.NONE);
    }

    /** The same, telling a listener the counts every so many schedules and at the end. */
    public CheckReport explore(ProgressListener listener) {
        ProgramSimulation simulation = simulation();
        ExplorationReport counts = Explorer.explore(simulation, processes, options, listener);
        ReplayReport shortest = counts.shortestFailing() == null ? null
                : new ReplayReport(counts.shortestFailing(), Replayer.replay(simulation, counts.shortestFailing()),
                        ReplayCommand.of(program));
        return new CheckReport(program.spec(), processes, options, counts, shortest);
    }

    /**
     * Runs a schedule token of this program again (the token says how many processes, the granularity
     * and the seed; the options here do not count).
     *
     * @throws IllegalArgumentException when the token is malformed, was found for another program or
     *     other arguments, or does not fit the program, or the program does not run the same way twice
     */
    public ReplayReport replay(String token) {
        return new ReplayReport(token, Replayer.replay(simulation(), token), ReplayCommand.of(program));
    }

    private ProgramSimulation simulation() {
        return new ProgramSimulation(program, check).withShmSize(shmSize);
    }
}
