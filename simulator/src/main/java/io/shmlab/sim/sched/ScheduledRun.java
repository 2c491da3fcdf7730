package io.shmlab.sim.sched;

import io.shmlab.api.RunReport;

/**
 * One schedule's run: what the processes did, the trace, and the schedule that replays it.
 *
 * @param report each process's output and ending; {@code report.schedule()} is the token
 * @param trace the steps (empty when the run was not traced) and how the run ended
 * @param schedule the schedule, whose {@link Schedule#encode()} is the token
 * @param outcome how the run ended, as exploration counts it
 * @param steps how many scheduling points the run passed
 */
public record ScheduledRun(RunReport report, Trace trace, Schedule schedule, Outcome outcome, long steps) {

    /** The token that replays this run. */
    public String token() {
        return report.schedule();
    }
}
