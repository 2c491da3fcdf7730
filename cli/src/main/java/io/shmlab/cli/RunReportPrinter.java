package io.shmlab.cli;

import io.shmlab.api.Durations;
import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a run: each process with its output and how it ended, the final check if there was one,
 * then the verdict, one of {@code ok:}, {@code FAILED:}, {@code DEADLOCK:} (processes blocked forever:
 * decided from what they were doing, never from the time taken) and {@code TIMEOUT:} (the run made no
 * progress for the timeout: no call of the program returned in any process; not a deadlock).
 */
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
        if (report.check() != null) {
            console.println(report.check().toString());
        }
        console.println(verdict(report));
    }

    /** The run's verdict in one line. */
    static String verdict(RunReport report) {
        int all = report.processes().size();
        long failed = report.processes().stream().filter(p -> p.ending().failed()).count();
        if (report.blocked()) {
            long blocked = report.processes().stream().filter(p -> p.ending() instanceof Ending.Blocked).count();
            return "DEADLOCK: " + blocked + " of " + all + " process(es) blocked forever";
        }
        if (report.stalled()) {
            List<Ending.Stalled> stalled = report.processes().stream().map(ProcessOutcome::ending)
                    .filter(Ending.Stalled.class::isInstance).map(Ending.Stalled.class::cast).toList();
            return "TIMEOUT: no progress for " + Durations.inWords(stalled.get(0).quiet()) + ": " + whatTheyDid(stalled)
                    + " (not a deadlock: a longer --timeout lets a slow run finish)";
        }
        if (failed > 0) {
            return "FAILED: " + failed + " of " + all + " process(es) did not exit with status 0";
        }
        if (report.check() != null && !report.check().passed()) {
            return "FAILED: the final check failed after all " + all + " process(es) exited with status 0";
        }
        return "ok: all " + all + " process(es) exited with status 0";
    }

    /** {@code 3 processes waiting on /myData's semaphore; 1 in nanosleep(...)}. */
    private static String whatTheyDid(List<Ending.Stalled> stalled) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Ending.Stalled s : stalled) {
            String what = s.waitingOn() != null ? "waiting on " + s.waitingOn()
                    : s.call() != null ? "in " + s.call() : "in no blocking call";
            counts.merge(what, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> e.getValue() + (e.getValue() == 1 ? " process " : " processes ") + e.getKey())
                .collect(Collectors.joining("; "));
    }

    static String describe(Ending ending) {
        return ending.toString();
    }
}
