package io.shmlab.bench;

import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.DfsStrategy;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Scheduler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 3c: exploration on every core, and what the reduction's machinery costs a plain search.
 * <ul>
 *   <li>Speed-up: schedules per second of a complete search on every available core against one
 *       thread, the two run in turns (one, all, one, all...) after one of each to warm up, median of 5
 *       each; once for plain DFS,
 *       once for DPOR. The split search has the same results on any number of threads, so only the
 *       time differs.</li>
 *   <li>The plain search's rate: {@code explore --no-dpor} on one thread (the split search, the kernel
 *       asking its touch log whether to record) against the loop exploration was before the reduction
 *       came: one {@link DfsStrategy} over the whole tree on one scheduler, nothing split, nothing
 *       observed. In turns, median of 5 each.</li>
 * </ul>
 */
final class ParallelFigures {

    private final boolean smoke;
    private final PrintStream log;

    ParallelFigures(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    List<Figure> measure() throws Exception {
        List<Figure> figures = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        int rounds = smoke ? 1 : 5;
        Lab plainLab = smoke ? Lab.EX5_FIXED : Lab.EX5;
        figures.add(speedUp(plainLab, 2, false, cores, rounds));
        figures.add(speedUp(smoke ? Lab.EX5 : Lab.EX1, 3, true, cores, rounds));
        figures.add(plainRate(plainLab, 2, rounds));
        return figures;
    }

    private static ProgramSimulation simulation(Lab lab) {
        return new ProgramSimulation(lab.spec(LabSettings.defaults()));
    }

    /** A complete search: {schedules, seconds}. */
    private static double[] search(Lab lab, int processes, boolean dpor, int threads) {
        ExploreOptions options = ExploreOptions.defaults().withDpor(dpor).withThreads(threads)
                .withPerAccess(lab.raceInMemory());
        long start = System.nanoTime();
        ExplorationReport report = Explorer.explore(simulation(lab), processes, options, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.complete()) {
            throw new IllegalStateException(lab.id() + " was not explored completely: " + report);
        }
        return new double[] {report.schedules(), seconds};
    }

    private Figure speedUp(Lab lab, int processes, boolean dpor, int cores, int rounds) {
        double[] one = new double[rounds];
        double[] all = new double[rounds];
        double schedules = 0;
        search(lab, processes, dpor, 1); // warm-up: the JIT, and the workers' first threads
        search(lab, processes, dpor, cores);
        for (int i = 0; i < rounds; i++) {
            double[] a = search(lab, processes, dpor, 1);
            double[] b = search(lab, processes, dpor, cores);
            if (a[0] != b[0]) {
                throw new IllegalStateException(lab.id() + ": " + a[0] + " schedules on one thread, " + b[0] + " on "
                        + cores);
            }
            schedules = a[0];
            one[i] = a[0] / a[1];
            all[i] = b[0] / b[1];
        }
        double oneRate = Rounds.median(one);
        double allRate = Rounds.median(all);
        String search = dpor ? "DPOR" : "plain DFS";
        log.printf(Locale.ROOT, "  %s, %d processes, %s: %.0f schedules/s on 1 thread, %.0f on %d%n", lab.id(), processes,
                search, oneRate, allRate, cores);
        return new Figure(String.format(Locale.ROOT, "%s, %d sim processes, complete %s: schedules/s on %d threads (one per core) vs 1 thread",
                lab.id(), processes, search, cores), allRate, oneRate, "schedules/s", true, String.format(Locale.ROOT,
                "%,.0f schedules, the same on both; in turns, median of %d; target ≥ 1.6x on 2 cores", schedules, rounds));
    }

    /** Schedules per second of the loop exploration was before the reduction: one strategy, no split, no observer. */
    private static double bareLoopRate(Lab lab, int processes) {
        RunSettings settings = new RunSettings(processes, 0, lab.raceInMemory() ? Granularity.ACCESS : Granularity.SYSCALL,
                RunSettings.DEFAULT_STEP_LIMIT, false, false);
        DfsStrategy strategy = new DfsStrategy(ExploreOptions.NO_BOUND);
        ProgramSimulation simulation = simulation(lab);
        long schedules = 0;
        long start = System.nanoTime();
        try (Scheduler scheduler = new Scheduler()) {
            while (strategy.beginSchedule()) {
                scheduler.run(simulation, settings, strategy);
                if (!strategy.lastScheduleRepeated()) {
                    schedules++;
                }
            }
        }
        return schedules * 1e9 / (System.nanoTime() - start);
    }

    private Figure plainRate(Lab lab, int processes, int rounds) {
        double[] split = new double[rounds];
        double[] bare = new double[rounds];
        search(lab, processes, false, 1); // warm-up
        bareLoopRate(lab, processes);
        for (int i = 0; i < rounds; i++) {
            double[] s = search(lab, processes, false, 1);
            split[i] = s[0] / s[1];
            bare[i] = bareLoopRate(lab, processes);
        }
        double splitRate = Rounds.median(split);
        double bareRate = Rounds.median(bare);
        log.printf(Locale.ROOT, "  %s, %d processes, plain DFS on 1 thread: %.0f schedules/s, the loop before DPOR %.0f%n",
                lab.id(), processes, splitRate, bareRate);
        return new Figure(String.format(Locale.ROOT, "%s, %d sim processes, plain DFS (--no-dpor, 1 thread): schedules/s vs"
                + " the search before DPOR", lab.id(), processes), splitRate, bareRate, "schedules/s", true, String.format(
                        Locale.ROOT, "reference: one DfsStrategy over the whole tree, no split, nothing observed; in turns,"
                        + " median of %d; target ≥ 0.90x", rounds));
    }

    /** Runs the figures alone and prints their rows. */
    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        for (Figure f : new ParallelFigures(smoke, System.out).measure()) {
            System.out.println(f.row());
        }
    }
}
