package io.shmlab.sim.sched;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import io.shmlab.sim.kernel.DeadlockDetected;
import io.shmlab.sim.kernel.ProcessKilled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scheduled run ends, and how its live processes learn it: once the run is over, an error is
 * thrown into each at the point where it waits or makes its next call, {@link DeadlockDetected} for a
 * process blocked forever on a futex, a SIGKILL {@link ProcessKilled} otherwise (step limit, closed
 * session, a failure). The kernel's process runner turns it into the process's ending and makes the
 * exit call, so the process ends in the kernel and its thread is free for the next run.
 */
final class Unwinding {

    private RunEnd end;
    private String ending = "not run";
    private Throwable failure;
    private final Map<Integer, Ending> stopped = new LinkedHashMap<>();

    /** Whether the run is over. */
    boolean over() {
        return end != null;
    }

    RunEnd end() {
        return end;
    }

    String ending() {
        return ending;
    }

    Throwable failure() {
        return failure;
    }

    /** How each process still live at the end was stopped, by pid. */
    Map<Integer, Ending> stopped() {
        return stopped;
    }

    /** Ends the run: every live process is recorded blocked forever (a deadlock) or killed. */
    void finish(RunEnd how, String why, List<ScheduledProcess> processes) {
        end = how;
        ending = why;
        if (how == RunEnd.FINISHED) {
            return;
        }
        for (ScheduledProcess p : processes) {
            if (p.live()) {
                stopped.put(p.pid, how == RunEnd.DEADLOCK ? new Ending.Blocked(p.callText())
                        : new Ending.Killed(Signal.SIGKILL, why));
            }
        }
    }

    /** Ends the run as failed (the strategy or the kernel, not the program). */
    void fail(Throwable cause, String why, List<ScheduledProcess> processes) {
        failure = cause;
        finish(RunEnd.FAILED, why, processes);
    }

    /**
     * The error that tells a process the run is over: blocked forever in its call at a deadlock,
     * killed by SIGKILL otherwise. From now on the process is unwinding: its calls go straight
     * through and a block throws again.
     */
    Error stopError(ScheduledProcess p) {
        p.unwinding = true;
        if (end == RunEnd.DEADLOCK && p.state == ScheduledProcess.State.FUTEX_WAIT) {
            return new DeadlockDetected(p.callText());
        }
        return new ProcessKilled(Signal.SIGKILL);
    }
}
