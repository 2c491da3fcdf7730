package io.shmlab.check;

import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Outcome;
import java.util.Map;

/**
 * What an exploration of a program found: how many schedules ended each way, the first and the
 * shortest failing schedule's tokens, and the shortest one replayed, with its timeline.
 */
public final class CheckReport {
    private final ProgramSpec program;
    private final int processes;
    private final ExploreOptions options;
    private final ExplorationReport counts;
    private final ReplayReport shortest;

    CheckReport(ProgramSpec program, int processes, ExploreOptions options, ExplorationReport counts,
            ReplayReport shortest) {
        this.program = program;
        this.processes = processes;
        this.options = options;
        this.counts = counts;
        this.shortest = shortest;
    }

    /** True when some schedule failed: a process exited non-zero, faulted or blocked forever, or the final check failed. */
    public boolean failed() {
        return counts.failing() > 0;
    }

    /** How many schedules ran. */
    public long schedules() {
        return counts.schedules();
    }

    /** How many schedules failed, in any way. */
    public long failing() {
        return counts.failing();
    }

    /** How many schedules ended in an outcome. */
    public long count(Outcome outcome) {
        return counts.count(outcome);
    }

    /** The count of every outcome. */
    public Map<Outcome, Long> counts() {
        return counts.counts();
    }

    /**
     * True when a depth-first search ran to its end: every schedule within its preemption bound, or,
     * with none, every class of equivalent schedules.
     */
    public boolean complete() {
        return counts.complete();
    }

    /** The first failing schedule's token, or {@code null}. */
    public String firstFailing() {
        return counts.firstFailing();
    }

    /** The token of the failing schedule with the fewest scheduling points, or {@code null}. */
    public String shortestFailing() {
        return counts.shortestFailing();
    }

    /** The shortest failing schedule replayed (timeline, endings, check), or {@code null} when none failed. */
    public ReplayReport shortest() {
        return shortest;
    }

    /** The shortest failing schedule's timeline, or {@code null} when none failed. */
    public String timeline() {
        return shortest == null ? null : shortest.timeline();
    }

    /** The exploration's own report (counts, tokens). */
    public ExplorationReport exploration() {
        return counts;
    }

    /** One line: the program, the schedules run, how they ended. */
    public String summary() {
        StringBuilder b = new StringBuilder().append(program.className()).append(" in ").append(processes)
                .append(" processes, ").append(options.strategy().userName())
                .append(options.perAccess() ? " at every system call and memory access" : " at every system call")
                .append(": ").append(counts.schedules()).append(" schedules")
                .append(counts.complete() ? " (every schedule within the bound)" : "");
        String sep = ", ";
        for (Map.Entry<Outcome, Long> e : counts.counts().entrySet()) {
            if (e.getValue() > 0) {
                b.append(sep).append(ReplayReport.describe(e.getKey())).append(' ').append(e.getValue());
                sep = ", ";
            }
        }
        return b.toString();
    }

    /**
     * What a developer needs in a CI log when the exploration failed: the outcome, the token, the
     * timeline with each process's ending, and the command that replays it; the summary alone when it
     * did not fail.
     */
    public String failureMessage() {
        if (shortest == null) {
            return summary();
        }
        return summary() + "\n"
                + "failing schedule (shortest): " + describe(shortest) + "\n"
                + "token: " + shortest.token() + "\n"
                + "replay it: " + shortest.command() + "\n\n"
                + shortest;
    }

    private static String describe(ReplayReport run) {
        String outcome = ReplayReport.describe(run.outcome());
        if (run.report().check() != null && !run.report().check().passed()) {
            outcome += " (" + run.report().check().detail() + ")";
        }
        return outcome;
    }

    @Override
    public String toString() {
        return failureMessage();
    }
}
