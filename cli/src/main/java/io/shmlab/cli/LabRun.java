package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Machine;
import io.shmlab.api.MachineOptions;
import io.shmlab.api.Os;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.replay.CreatedNames;
import io.shmlab.replay.FinalCheckRun;
import java.util.List;

/**
 * Runs a lab in several processes at once on a backend and prints what each did: on a deterministic
 * backend (the simulator) under its seeded scheduler, the report carrying the schedule token that
 * replays it; on real processes (child JVMs on the real kernel) a deadlock is decided from what the
 * processes are doing, and a run with no progress for the timeout is stopped and reported as such.
 *
 * <p>Where the backend runs real processes the objects and semaphores are the host's and outlive the
 * run: a name that already existed is used as it is (with a note, since a left-over semaphore changes
 * the run); the names the run makes are claimed first ({@link MadeNames}) and removed on every way
 * out but SIGKILL, whose leftovers the next command recognises and removes ({@link OwnedNames}). A
 * program that declares no names (one of the user's) has the names its processes made removed after
 * the run ({@link CreatedNames}); what others made in /dev/shm meanwhile is left alone. A program's
 * final check runs after the run, before that clean-up.
 */
final class LabRun {

    private LabRun() {
    }

    /**
     * Runs and prints; returns the exit status: 0 when every process exited with status 0 and the
     * program's final check, if it has one, passed.
     */
    static int run(Backend backend, LabDefinition lab, LabSettings settings, RunOptions options, Console console,
            CleanUp cleanUp) {
        return run(backend, MachineOptions.DEFAULT, lab, settings, options, console, cleanUp);
    }

    /**
     * The same on a machine set up by {@code machineOptions}: with a size for /dev/shm, real processes
     * run in a tmpfs of their own, which holds everything they make and goes with the run, so nothing
     * of the host's /dev/shm is claimed or removed.
     */
    static int run(Backend backend, MachineOptions machineOptions, LabDefinition lab, LabSettings settings,
            RunOptions options, Console console, CleanUp cleanUp) {
        boolean hostShm = backend.runsRealProcesses() && machineOptions.shmSize() == null;
        try (Machine machine = backend.boot(machineOptions)) {
            if (hostShm) {
                claimNames(machine, lab, settings, console, cleanUp);
            } else if (backend.runsRealProcesses()) {
                // the tmpfs's keeper is a child like the others: a signal stops it too, and the tmpfs goes
                TestHook.startingChildren();
            }
            console.println("running " + lab.id() + " in " + options.processes() + " process(es) on " + backend.name()
                    + (backend.isDeterministic() ? " (seed " + options.seed() + ")" : "") + shmNote(backend, machineOptions));
            CreatedNames created = hostShm && lab.declaresNoNames(settings) ? CreatedNames.since(machine) : null;
            // the names its processes made are known from the run's report: a signal's clean-up waits for it
            Runnable ended = created == null ? () -> { } : cleanUp.awaitedWhenInterrupted();
            RunReport ran = null;
            RunReport report;
            try {
                ran = machine.run(lab.spec(settings), options);
                report = FinalCheckRun.after(lab.spec(settings), ran, machine);
            } finally {
                if (created != null && ran != null) {
                    created.remove(machine.spawn(), ran.made());
                }
                ended.run();
            }
            if (cleanUp.isInterrupted()) {
                return ExitCodes.INTERRUPTED; // its processes were stopped by the signal: no verdict
            }
            RunReportPrinter.print(report, console);
            if (report.schedule() != null) {
                console.println("schedule: " + report.schedule());
                console.println("replay it: " + ReplayHint.of(lab, settings, report.schedule()));
            }
            return report.failed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** What the run's /dev/shm is, when it is not the backend's own: empty otherwise. */
    static String shmNote(Backend backend, MachineOptions machineOptions) {
        if (machineOptions.shmSize() == null) {
            return "";
        }
        String size = machineOptions.shmSize().describe();
        return backend.runsRealProcesses()
                ? ", in a /dev/shm of " + size + " of their own (a tmpfs in a mount namespace)"
                : ", /dev/shm " + size;
    }

    private static void claimNames(Machine machine, LabDefinition lab, LabSettings settings, Console console, CleanUp cleanUp) {
        Os os = machine.spawn();
        OwnedNames.sweep(os).forEach(console::println);
        List<String> entries = ShmEntries.of(lab.sharedNames(settings), lab.semaphoreNames(settings));
        MadeNames names = MadeNames.removedOnExit(cleanUp, os, "run " + lab.id(), entries, machine.listShm());
        for (String entry : names.existing()) {
            console.println("note: " + ShmEntries.display(entry) + " already exists; the run uses it as it is"
                    + " (shmlab rm " + ShmEntries.display(entry).replace("semaphore ", "") + " to start afresh)");
        }
        TestHook.startingChildren();
    }
}
