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
                + (options.strategy().userName().equals("dfs") ? ", at most " + options.preemptionBound() + " preemption(s)" : "")
                + ", " + (options.perAccess() ? "switching at every system call and memory access" : "switching at every system call")
                + ", at most " + options.maxSchedules() + " schedules");
        ExplorationReport report = Explorer.explore(new ProgramSimulation(lab.spec(settings)), procs, options,
                soFar -> console.status("  " + progress(soFar)));
        console.status(null);
        printSummary(lab, settings, report, console);
        return report;
    }

    private static String progress(ExplorationReport soFar) {
        return soFar.schedules() + " schedules, " + soFar.failing() + " failing";
    }

    static void printSummary(LabDefinition lab, LabSettings settings, ExplorationReport report, Console console) {
        console.println(report.schedules() + " schedules run"
                + (report.complete() ? " (every schedule within the bound)" : ""));
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
        console.println("see it: " + ReplayHint.of(lab, settings, report.shortestFailing()));
    }
}
