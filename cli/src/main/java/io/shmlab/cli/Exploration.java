package io.shmlab.cli;

import io.shmlab.api.ShmSize;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Outcome;

/**
 * Explores a lab, with a status line while it runs (on a terminal only), then the summary, whose
 * first line says what the count is worth: every schedule within the bound ("no failing schedule
 * found" is then a verdict), a search cut by its budget (not a verdict), one stopped at the first
 * failing schedule, or one interrupted by Ctrl-C or SIGTERM (the counts so far are printed before the
 * command exits).
 */
final class Exploration {
    /** How often the status line is redrawn, in schedules. */
    private static final long STATUS_EVERY = 100;

    /** How an exploration ended. */
    enum Cut {
        /** Every schedule within the bound ran. */
        COMPLETE,
        /** The budget ({@code --max-schedules}) ran out first. */
        BUDGET,
        /** It stopped at the first failing schedule, as asked. */
        FIRST_FAILURE,
        /** A signal stopped it. */
        INTERRUPTED;

        /** Why a search that ended by itself (not by a signal) ended. */
        static Cut of(ExplorationReport report, ExploreOptions options) {
            return report.complete() ? COMPLETE
                    : options.stopAtFirstFailure() && report.failing() > 0 ? FIRST_FAILURE : BUDGET;
        }
    }

    /** The exploration was interrupted: thrown from the progress listener to stop it. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("interrupted", null, false, false);
        }
    }

    private Exploration() {
    }

    /** Explores and prints; returns the report (the counts so far when interrupted). */
    static ExplorationReport run(LabDefinition lab, LabSettings settings, int procs, ExploreOptions options, ShmSize shmSize,
            Console console, CleanUp cleanUp) {
        console.println("exploring " + lab.id() + " with " + procs + " process(es): " + options.strategy().userName()
                + (options.strategy().userName().equals("dfs") ? ", " + searchKind(options) : "")
                + ", " + (options.perAccess() ? "switching at every system call and memory access" : "switching at every system call")
                + (options.maxSchedules() == Long.MAX_VALUE ? "" : ", at most " + options.maxSchedules() + " schedules")
                + (shmSize == null ? "" : ", /dev/shm " + shmSize.describe()));
        ExplorationReport[] soFar = {null};
        long[] drawn = {0};
        Runnable summarised = cleanUp.awaitedFirstWhenInterrupted();
        ExplorationReport report;
        Cut cut;
        try {
            report = Explorer.explore(new ProgramSimulation(lab.spec(settings)).withShmSize(shmSize), procs,
                    options.withProgressEvery(1), latest -> {
                soFar[0] = latest;
                if (cleanUp.isInterrupted()) {
                    throw new Stop();
                }
                if (latest.schedules() / STATUS_EVERY != drawn[0]) {
                    drawn[0] = latest.schedules() / STATUS_EVERY;
                    console.status("  " + latest.schedules() + " schedules, " + latest.failing() + " failing");
                }
            });
            cut = Cut.of(report, options);
        } catch (Stop interrupted) {
            report = soFar[0] != null ? soFar[0]
                    : new ExplorationReport(0, java.util.Map.of(), null, null, 0, false);
            cut = Cut.INTERRUPTED;
        }
        console.status(null);
        try {
            printSummary(lab, settings, report, cut, options, console);
        } finally {
            summarised.run();
        }
        return report;
    }

    /** What a DFS searches: every class of schedules, every schedule, or those within the bound. */
    static String searchKind(ExploreOptions options) {
        if (options.bounded()) {
            return "bounded: at most " + options.preemptionBound() + " preemption(s)";
        }
        return options.reduced() ? "complete: one schedule per class of equivalent ones (DPOR)"
                : "complete: every schedule (no reduction)";
    }

    static void printSummary(LabDefinition lab, LabSettings settings, ExplorationReport report, Cut cut,
            ExploreOptions options, Console console) {
        printSummary(report, cut, options, console, token -> ReplayHint.of(lab, settings, token));
    }

    /** The summary, with the command that shows a failing schedule made by {@code seeIt}. */
    static void printSummary(ExplorationReport report, Cut cut, ExploreOptions options, Console console,
            java.util.function.UnaryOperator<String> seeIt) {
        long n = report.schedules();
        console.println(n + " schedules run " + switch (cut) {
            case COMPLETE -> !options.strategy().userName().equals("dfs") ? "(every schedule within the bound)"
                    : options.bounded() ? "(bounded: every schedule with at most " + options.preemptionBound() + " preemption(s))"
                    : "(complete)";
            case BUDGET -> "(bounded by budget: --max-schedules=" + options.maxSchedules() + "; not a verdict)";
            case FIRST_FAILURE -> "(stopped at the first failing schedule)";
            case INTERRUPTED -> "(interrupted: the counts so far; not a verdict)";
        });
        for (Outcome outcome : Outcome.values()) {
            long count = report.count(outcome);
            if (count > 0) {
                console.println(String.format("  %-17s %d", ExploreCommand.name(outcome), count));
            }
        }
        if (report.firstFailing() == null) {
            console.println(cut == Cut.COMPLETE ? "no failing schedule found"
                    : "no failing schedule found in the " + n + " schedules run (the search was cut short: not a verdict)");
            return;
        }
        console.println("failing schedule (shortest): " + report.shortestFailing());
        console.println("see it: " + seeIt.apply(report.shortestFailing()));
    }
}
