package io.shmlab.cli;

import io.shmlab.sim.ProgramSimulation;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Outcome;

/** Explores a lab and prints a progress line while it runs, then the summary. */
final class Exploration {

    private Exploration() {
    }

    static ExplorationReport run(LabDefinition lab, LabSettings settings, int procs, ExploreOptions options, Console console) {
        console.println("exploring " + lab.id() + " with " + procs + " process(es): " + options.strategy().userName()
                + (options.strategy().userName().equals("dfs") ? ", " + searchKind(options) : "")
                + ", " + (options.perAccess() ? "switching at every system call and memory access" : "switching at every system call")
                + (options.maxSchedules() == Long.MAX_VALUE ? "" : ", at most " + options.maxSchedules() + " schedules"));
        ExplorationReport report = Explorer.explore(new ProgramSimulation(lab.spec(settings)), procs, options,
                soFar -> console.status("  " + progress(soFar)));
        console.status(null);
        printSummary(lab, report, options, console);
        return report;
    }

    /**
     * How far the schedules run cover all: {@code complete} for a DFS that ran every class, "bounded"
     * for one within a preemption bound, "bounded by budget" when the schedule budget cut it.
     */
    private static String verdict(ExplorationReport report, ExploreOptions options) {
        if (options.strategy().userName().equals("dfs") && !options.stopAtFirstFailure()) {
            if (!report.complete()) {
                return " (bounded by budget: --max-schedules=" + options.maxSchedules() + " cut the search)";
            }
            return options.bounded() ? " (bounded: every schedule with at most " + options.preemptionBound()
                    + " preemption(s))" : " (complete)";
        }
        return "";
    }

    /** What a DFS searches: every class of schedules, every schedule, or those within the bound. */
    private static String searchKind(ExploreOptions options) {
        if (options.bounded()) {
            return "bounded: at most " + options.preemptionBound() + " preemption(s)";
        }
        return options.reduced() ? "complete: one schedule per class of equivalent ones (DPOR)"
                : "complete: every schedule (no reduction)";
    }

    private static String progress(ExplorationReport soFar) {
        return soFar.schedules() + " schedules, " + soFar.failing() + " failing";
    }

    static void printSummary(LabDefinition lab, ExplorationReport report, ExploreOptions options, Console console) {
        console.println(report.schedules() + " schedules run" + verdict(report, options));
        for (Outcome outcome : Outcome.values()) {
            long n = report.count(outcome);
            if (n > 0) {
                console.println(String.format("  %-17s %d", ExploreCommand.name(outcome), n));
            }
        }
        if (report.firstFailing() == null) {
            console.println("no failing schedule found");
            return;
        }
        console.println("failing schedule (shortest): " + report.shortestFailing());
        console.println("see it: shmlab replay " + lab.id() + " " + report.shortestFailing());
    }
}
