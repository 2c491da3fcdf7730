package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Machine;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.replay.CreatedNames;
import io.shmlab.replay.FinalCheckRun;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a lab in several processes at once on a backend and prints what each did: on a deterministic
 * backend (the simulator) under its seeded scheduler, the report carrying the schedule token that
 * replays it; on real processes (child JVMs on the real kernel) a process still blocked at the timeout
 * is reported blocked and killed.
 *
 * <p>Where the backend runs real processes the objects and semaphores are the host's and outlive the
 * run: a name that already existed is used as it is (with a note, since a left-over semaphore changes
 * the run), and the names the run created are removed after it, so a run leaves /dev/shm as it found
 * it: a lab's own names, or, for a program that declares none (one of the user's), whatever appeared in
 * /dev/shm during the run. A program's final check runs after the run, before that clean-up.
 */
final class LabRun {
    private static final Logger LOG = LoggerFactory.getLogger(LabRun.class);

    private LabRun() {
    }

    /** True for a program that says nothing of the names it makes (a program of one's own). */
    static boolean declaresNoNames(LabDefinition lab, LabSettings settings) {
        return lab.sharedNames(settings).isEmpty() && lab.semaphoreNames(settings).isEmpty();
    }

    /**
     * Runs and prints; returns the exit status: 0 when every process exited with status 0 and the
     * program's final check, if it has one, passed.
     */
    static int run(Backend backend, LabDefinition lab, LabSettings settings, RunOptions options, Console console) {
        try (Machine machine = backend.boot()) {
            boolean hostNames = backend.runsRealProcesses();
            List<String> existing = hostNames ? lab.existingNames(machine.listShm(), settings) : List.of();
            for (String name : existing) {
                console.println("note: " + name + " already exists; the run uses it as it is (remove it to start afresh)");
            }
            console.println("running " + lab.id() + " in " + options.processes() + " process(es) on " + backend.name()
                    + (backend.isDeterministic() ? " (seed " + options.seed() + ")" : ""));
            CreatedNames created = hostNames && declaresNoNames(lab, settings) ? CreatedNames.since(machine) : null;
            RunReport report;
            try {
                report = machine.run(lab.spec(settings), options);
                report = FinalCheckRun.after(lab.spec(settings), report, machine);
            } finally {
                if (hostNames) {
                    LOG.debug("removed {}", lab.removeNames(machine.spawn(), settings, existing));
                    if (created != null) {
                        LOG.debug("removed {}", created.remove(machine, machine.spawn()));
                    }
                }
            }
            RunReportPrinter.print(report, console);
            if (report.schedule() != null) {
                console.println("schedule: " + report.schedule());
                console.println("replay it: " + ReplayHint.of(lab, settings, report.schedule()));
            }
            return report.failed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
