package io.shmlab.replay;

import io.shmlab.api.CheckVerdict;
import io.shmlab.api.FinalCheck;
import io.shmlab.api.Machine;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunReport;
import io.shmlab.sim.program.ProgramClasses;

/**
 * A program's own final check (its class implements {@link FinalCheck}) after a run of
 * {@link Machine#run}: in this JVM, on a process of the run's machine, once every process has exited
 * and before the run's names are removed. On native that is the parent of the child JVMs.
 */
public final class FinalCheckRun {

    private FinalCheckRun() {
    }

    /** The report with the check's verdict, or as it is when the program has no check or a process did not exit. */
    public static RunReport after(ProgramSpec program, RunReport report, Machine machine) {
        if (!report.allExited() || report.check() != null) {
            return report; // a machine with a /dev/shm of its own ran the check in there, where the objects are
        }
        FinalCheck check = ProgramClasses.of(program).finalCheck();
        return check == null ? report : report.withCheck(CheckVerdict.of(check, machine.spawn()));
    }
}
