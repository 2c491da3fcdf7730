package io.shmlab.bench;

import io.shmlab.api.ProgramSpec;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 3b: complete exploration with the partial-order reduction (DPOR) against plain exhaustive
 * DFS ({@code --no-dpor}) in the same run: schedules and time of each, on the labs with 2 and 3
 * processes; and complete DPOR searches that plain DFS cannot finish (shown without a reference:
 * Exercise 5 fixed in 4 processes, Exercise 4 in 3, about 250,000 schedules). Plain DFS of Exercise 5
 * fixed in 3 processes runs about two million schedules, minutes: only in a full run, not with
 * {@code --smoke} (nor Exercise 4 in 3 processes; in 2 instead). Both searches of a comparison run on
 * every core.
 */
final class ReductionFigures {

    private final boolean smoke;
    private final PrintStream log;

    ReductionFigures(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    /** One complete search: {schedules, seconds}. */
    private static double[] search(Lab lab, int processes, boolean dpor) {
        ProgramSpec spec = lab.spec(LabSettings.defaults());
        ExploreOptions options = ExploreOptions.defaults().withDpor(dpor).withPerAccess(lab.raceInMemory());
        long start = System.nanoTime();
        ExplorationReport report = Explorer.explore(new ProgramSimulation(spec), processes, options, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.complete()) {
            throw new IllegalStateException(lab.id() + " was not explored completely: " + report);
        }
        return new double[] {report.schedules(), seconds};
    }

    List<Figure> measure() {
        List<Figure> figures = new ArrayList<>();
        compare(figures, Lab.EX5_FIXED, 2);
        compare(figures, Lab.EX5, 2);
        compare(figures, Lab.EX3, 2);
        if (!smoke) {
            compare(figures, Lab.EX5_FIXED, 3);
        }
        alone(figures, Lab.EX5_FIXED, 3);
        alone(figures, Lab.EX5, 3);
        alone(figures, Lab.EX5_FIXED, 4);
        alone(figures, Lab.EX4, smoke ? 2 : 3);
        if (!smoke) {
            alone(figures, Lab.EX1, 3);
        }
        return figures;
    }

    private void compare(List<Figure> figures, Lab lab, int processes) {
        double[] reduced = search(lab, processes, true);
        double[] plain = search(lab, processes, false);
        log.printf(Locale.ROOT, "  %s, %d processes: DPOR %.0f schedules in %.2f s, plain DFS %.0f in %.2f s%n", lab.id(),
                processes, reduced[0], reduced[1], plain[0], plain[1]);
        String what = lab.id() + ", " + processes + " sim processes, complete: ";
        figures.add(new Figure(what + "schedules, DPOR vs plain DFS", reduced[0], plain[0], "", false,
                "reference is plain DFS (--no-dpor) in the same run"));
        figures.add(new Figure(what + "time, DPOR vs plain DFS", reduced[1], plain[1], "s", false,
                "reference is plain DFS (--no-dpor) in the same run"));
    }

    private void alone(List<Figure> figures, Lab lab, int processes) {
        double[] reduced = search(lab, processes, true);
        log.printf(Locale.ROOT, "  %s, %d processes: DPOR %.0f schedules in %.2f s%n", lab.id(), processes, reduced[0],
                reduced[1]);
        figures.add(new Figure(lab.id() + ", " + processes + " sim processes, complete with DPOR: time", reduced[1],
                Double.NaN, "s", false, String.format(Locale.ROOT, "%,.0f schedules%s", reduced[0],
                        lab.raceInMemory() ? ", switching at every access" : "")));
    }

    /** Runs the figures alone and prints their rows. */
    public static void main(String[] args) {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        for (Figure f : new ReductionFigures(smoke, System.out).measure()) {
            System.out.println(f.row());
        }
    }
}
