package io.shmlab.api;

import java.util.List;

/**
 * What {@link Machine#run} saw.
 *
 * @param processes each process, in the order they were started
 * @param schedule the simulator's schedule token that replays this run, or {@code null} on native
 * @param check what the run's {@link FinalCheck} said, or {@code null} when none ran (there was none,
 *     or a process did not exit)
 * @param made the entries of /dev/shm (as {@link Machine#listShm} shows them) whose names the
 *     processes' calls created, a shm_open or sem_open with O_CREAT that made the name, in the order
 *     made: on the native backend, where they outlive the run, so that the names of a program that
 *     declares none can be removed after it (and only those); empty on the simulator, whose names go
 *     with its machine
 */
public record RunReport(List<ProcessOutcome> processes, String schedule, CheckVerdict check, List<String> made) {

    /** Copies. */
    public RunReport {
        processes = List.copyOf(processes);
        made = List.copyOf(made);
    }

    /** A report without a final check, of processes that made no name the run must tell of. */
    public RunReport(List<ProcessOutcome> processes, String schedule) {
        this(processes, schedule, null, List.of());
    }

    /** The same report with a final check's verdict. */
    public RunReport withCheck(CheckVerdict verdict) {
        return new RunReport(processes, schedule, verdict, made);
    }

    /** True when every process exited (with any status): none blocked or was killed. */
    public boolean allExited() {
        return processes.stream().allMatch(p -> p.ending() instanceof Ending.Exited);
    }

    /** True when any process did not exit with status 0, or the final check failed. */
    public boolean failed() {
        return processes.stream().anyMatch(p -> p.ending().failed()) || (check != null && !check.passed());
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
