package io.shmlab.bench;

import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Unlink;
import io.shmlab.labs.Exercise5;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.StrategyKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3: the simulator's exploration of Exercise 5 ({@link Exercise5}, the labs' port) with two
 * processes, against issue 4's targets: schedules per second for each strategy on one thread (no
 * preemption bound, so DFS runs the whole tree; more threads are figure 3c's), measured after
 * {@link #WARM_UP_ROUNDS} untimed rounds of each strategy (the JIT takes several rounds to settle, and
 * without them the strategy measured first would pay for it), the time to the first deadlock from
 * the start of exploration, in a fresh JVM (cold) and after the rate rounds (warm); and for comparison, how many of N runs of the same
 * program in two real processes (child JVMs, native backend, no injected delay) deadlock, against how
 * many random schedules do.
 */
final class ExplorationFigures {
    private static final double RATE_TARGET = 20_000;
    private static final double FIRST_DEADLOCK_TARGET_MS = 100;
    /** Untimed rounds of every strategy before the rates are measured. */
    private static final int WARM_UP_ROUNDS = 3;
    /** Timed rounds of every strategy: a round takes a fraction of a second, so a burst of load moves a few only. */
    private static final int RATE_ROUNDS = 11;
    /** Fresh JVMs for the cold first-deadlock figure: one JVM's start-up (class loading, JIT) varies a lot. */
    private static final int COLD_SEARCHES = 5;
    /**
     * Searches for the warm first-deadlock figure: one takes well under a millisecond, so the median of
     * a few would move with a single GC pause or timer tick.
     */
    private static final int WARM_FIRST_DEADLOCK_ROUNDS = 25;

    private final boolean smoke;
    private final PrintStream log;
    private long randomDeadlocks;
    private long randomSchedules;

    ExplorationFigures(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    /** The rates and the first-deadlock times (cold, then warm). */
    List<Figure> simulated() throws Exception {
        List<Figure> figures = new ArrayList<>();
        int coldSearches = smoke ? 1 : COLD_SEARCHES;
        double[] schedulesToDeadlock = new double[1];
        double cold = Rounds.median(coldSearches, () -> {
            double[] found = coldSearch();
            schedulesToDeadlock[0] = found[1];
            return found[0];
        });
        figures.add(new Figure("Exercise 5, 2 sim processes: first deadlock, cold JVM", cold, FIRST_DEADLOCK_TARGET_MS,
                "ms", false, String.format(Locale.ROOT, "DFS, %.0f schedules, JVM start not counted; median of %d fresh"
                        + " JVMs; reference is the target (< 100 ms)", schedulesToDeadlock[0], coldSearches)));
        long schedules = smoke ? 200 : 20_000;
        int rounds = smoke ? 1 : RATE_ROUNDS;
        int warmUps = smoke ? 0 : WARM_UP_ROUNDS;
        for (int i = 0; i < warmUps; i++) {
            for (StrategyKind kind : StrategyKind.values()) {
                Explorer.explore(new ProgramSimulation(FirstDeadlock.EXERCISE_5), 2, rateOptions(kind, schedules),
                        ProgressListener.NONE);
            }
        }
        for (StrategyKind kind : StrategyKind.values()) {
            ExploreOptions options = rateOptions(kind, schedules);
            double rate = Rounds.median(rounds, () -> {
                long start = System.nanoTime();
                ExplorationReport report = Explorer.explore(new ProgramSimulation(FirstDeadlock.EXERCISE_5), 2, options, ProgressListener.NONE);
                double perSecond = report.schedules() * 1e9 / (System.nanoTime() - start);
                if (kind == StrategyKind.RANDOM) {
                    randomDeadlocks = report.count(Outcome.DEADLOCK);
                    randomSchedules = report.schedules();
                }
                return perSecond;
            });
            log.printf("  exploration, %s: %.0f schedules/s%n", kind.userName(), rate);
            figures.add(new Figure("Exercise 5, 2 sim processes: " + kind.userName() + " exploration rate", rate,
                    RATE_TARGET, "schedules/s", true, String.format(Locale.ROOT,
                            "median of %d rounds of %,d schedules after %d of each strategy to warm up; reference is"
                                    + " the target (≥ 20,000)", rounds, schedules, warmUps)));
        }
        int searches = smoke ? 1 : WARM_FIRST_DEADLOCK_ROUNDS;
        double warm = Rounds.median(searches, () -> FirstDeadlock.search()[0]);
        figures.add(new Figure("Exercise 5, 2 sim processes: first deadlock, warm JVM", warm, FIRST_DEADLOCK_TARGET_MS,
                "ms", false, "DFS; median of " + searches + "; reference is the target (< 100 ms)"));
        return figures;
    }

    /** A rate round: one strategy, bound far above any schedule's preemptions, one thread. */
    private static ExploreOptions rateOptions(StrategyKind kind, long schedules) {
        return ExploreOptions.defaults().withStrategy(kind).withMaxSchedules(schedules).withPreemptionBound(1_000)
                .withThreads(1);
    }

    /**
     * How often real processes hit the deadlock: N runs of Exercise 5 in two child JVMs with no
     * injected delay (see {@link #classify} for what counts), against the share of random schedules
     * that deadlock. Call after {@link #simulated()}.
     */
    Figure realRuns(Machine machine) {
        int runs = smoke ? 1 : 20;
        Os os = machine.spawn();
        int deadlocked = 0;
        int inconclusive = 0;
        for (int i = 0; i < runs; i++) {
            String name = "/shmlab-bench-ex5-" + UUID.randomUUID();
            try {
                RunReport report = machine.run(ProgramSpec.of(Exercise5.class, name, "0"),
                        RunOptions.of(2).withTimeout(Duration.ofSeconds(20)));
                switch (classify(report)) {
                    case DEADLOCK -> deadlocked++;
                    case CLEAN -> { }
                    default -> {
                        inconclusive++;
                        log.println("  a real run of Exercise 5 ended neither clean nor in its deadlock: " + report);
                    }
                }
            } finally {
                Unlink.shmIfPresent(os, name);
            }
        }
        log.printf("  real runs of Exercise 5: %d of %d deadlocked%n", deadlocked, runs);
        double simulated = 100.0 * randomDeadlocks / randomSchedules;
        double real = 100.0 * deadlocked / runs;
        return new Figure("Exercise 5, 2 processes: runs that deadlock, random sim schedules vs real runs (no delay)",
                simulated, real, "%", true, String.format(Locale.ROOT,
                        "real: %d of %d runs of 2 child JVMs deadlocked (one left in sem_wait at the 20 s timeout, the"
                                + " other exited 0), %d ended otherwise; sim: %,d of %,d random schedules",
                        deadlocked, runs, inconclusive, randomDeadlocks, randomSchedules));
    }

    /**
     * How a real run ended: DEADLOCK is Exercise 5's own (one process left blocked in sem_wait, the
     * other exited 0 having said "I'm alone here!"), CLEAN both exited 0 having said it; anything
     * else (a failure, a process slow to start on a busy machine) is FAULT, counted apart.
     */
    private static Outcome classify(RunReport report) {
        long clean = report.processes().stream()
                .filter(p -> p.ending().equals(new Ending.Exited(0)) && p.output().equals("I'm alone here!\n")).count();
        long waiting = report.processes().stream()
                .filter(p -> p.ending() instanceof Ending.Blocked b && b.call().contains("sem_wait")).count();
        if (clean == report.processes().size()) {
            return Outcome.CLEAN;
        }
        return clean + waiting == report.processes().size() && waiting == 1 ? Outcome.DEADLOCK : Outcome.FAULT;
    }

    /** {@link FirstDeadlock} in a fresh JVM: {millis, schedules}. */
    private static double[] coldSearch() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FirstDeadlock.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("the cold first-deadlock search failed: " + out);
        }
        String[] words = out.trim().split("\\s+");
        int at = words.length - 4;
        if (at < 0 || !words[at].equals("millis") || !words[at + 2].equals("schedules")) {
            throw new IOException("the cold first-deadlock search printed: " + out);
        }
        return new double[] {Double.parseDouble(words[at + 1]), Double.parseDouble(words[at + 3])};
    }
}
