package io.shmlab.api;

import java.util.List;

/**
 * What {@link Machine#run} saw.
 *
 * @param processes each process, in the order they were started
 * @param schedule the simulator's schedule token that replays this run, or {@code null} on native
 */
public record RunReport(List<ProcessOutcome> processes, String schedule) {

    /** Copies. */
    public RunReport {
        processes = List.copyOf(processes);
    }

    /** True when any process did not exit with status 0. */
    public boolean failed() {
        return processes.stream().anyMatch(p -> p.ending().failed());
    }

    /** True when some process was blocked forever. */
    public boolean blocked() {
        return processes.stream().anyMatch(p -> p.ending() instanceof Ending.Blocked);
    }

    /** True when the run was stopped for making no progress (a timeout, not a deadlock). */
    public boolean stalled() {
        return processes.stream().anyMatch(p -> p.ending() instanceof Ending.Stalled);
    }
}
