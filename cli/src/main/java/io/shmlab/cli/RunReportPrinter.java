package io.shmlab.cli;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;

/** Prints a run: each process with its output and how it ended, the final check if there was one, then the verdict. */
final class RunReportPrinter {

    private RunReportPrinter() {
    }

    static void print(RunReport report, Console console) {
        for (ProcessOutcome p : report.processes()) {
            console.println(p.label() + " (pid " + p.pid() + "): " + describe(p.ending()));
            for (String line : p.output().split("\n", -1)) {
                if (!line.isEmpty()) {
                    console.println("    | " + line);
                }
            }
        }
        long failed = report.processes().stream().filter(p -> p.ending().failed()).count();
        if (report.check() != null) {
            console.println(report.check().toString());
        }
        if (report.blocked()) {
            long blocked = report.processes().stream().filter(p -> p.ending() instanceof Ending.Blocked).count();
            console.println("DEADLOCK: " + blocked + " of " + report.processes().size() + " process(es) blocked forever");
        } else if (failed > 0) {
            console.println("FAILED: " + failed + " of " + report.processes().size() + " process(es) did not exit with status 0");
        } else if (report.check() != null && !report.check().passed()) {
            console.println("FAILED: the final check failed after all " + report.processes().size()
                    + " process(es) exited with status 0");
        } else {
            console.println("ok: all " + report.processes().size() + " process(es) exited with status 0");
        }
    }

    static String describe(Ending ending) {
        return ending.toString();
    }
}
