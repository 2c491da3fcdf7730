package io.shmlab.sim.sched;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import io.shmlab.api.Signal;

/** How one schedule ended, as exploration counts it. */
public enum Outcome {
    /** Every process exited with status 0. */
    CLEAN,
    /** Every live process blocked with no timer pending. */
    DEADLOCK,
    /** A process was killed by SIGSEGV or SIGBUS. */
    FAULT,
    /** A process exited with a non-zero status (a failed check, an unhandled error). */
    FAILED_ASSERTION,
    /** Every process exited with status 0, and the final check over the shared state failed. */
    FAILED_CHECK,
    /** The run passed its step limit: a livelock, or a run longer than the limit. */
    STEP_LIMIT,
    /** The run was stopped from outside before its end (a stepping session closed). */
    STOPPED;

    /** True for every outcome but {@link #CLEAN}. */
    public boolean failing() {
        return this != CLEAN;
    }

    static Outcome of(RunEnd end, RunReport report) {
        if (end == RunEnd.DEADLOCK) {
            return DEADLOCK;
        }
        if (end == RunEnd.STEP_LIMIT) {
            return STEP_LIMIT;
        }
        if (end == RunEnd.STOPPED) {
            return STOPPED;
        }
        boolean failed = false;
        for (ProcessOutcome p : report.processes()) {
            Ending e = p.ending();
            if (e instanceof Ending.Killed k && (k.signal() == Signal.SIGSEGV || k.signal() == Signal.SIGBUS)) {
                return FAULT;
            }
            failed |= e.failed();
        }
        if (failed) {
            return FAILED_ASSERTION;
        }
        return report.check() != null && !report.check().passed() ? FAILED_CHECK : CLEAN;
    }
}
