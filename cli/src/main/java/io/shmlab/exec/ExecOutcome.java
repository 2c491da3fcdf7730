package io.shmlab.exec;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.Signal;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.sim.sched.Outcome;

/** How a run of a C binary counts in an exploration, in the simulator's outcomes. */
public final class ExecOutcome {

    private ExecOutcome() {
    }

    /**
     * The outcome: a deadlock; a fault (SIGSEGV, SIGBUS); a process that exited non-zero ("failed
     * assertion", as a program's failed check exits); a run stopped (a spin loop, or a run that left a
     * forced order); else clean.
     */
    public static Outcome of(ExecRun.Result result) {
        if (result.end() == ExecRun.End.DEADLOCK) {
            return Outcome.DEADLOCK;
        }
        for (ProcessOutcome p : result.report().processes()) {
            if (p.ending() instanceof Ending.Killed k && (k.signal() == Signal.SIGSEGV || k.signal() == Signal.SIGBUS)) {
                return Outcome.FAULT;
            }
        }
        if (result.end() != ExecRun.End.ENDED) {
            return Outcome.STOPPED;
        }
        return result.report().failed() ? Outcome.FAILED_ASSERTION : Outcome.CLEAN;
    }
}
