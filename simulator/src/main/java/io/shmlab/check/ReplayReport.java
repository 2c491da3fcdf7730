package io.shmlab.check;

import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Timeline;
import java.util.Locale;

/** One schedule token run again: its timeline, how each process ended, and the final check. */
public final class ReplayReport {
    private final String token;
    private final ScheduledRun run;
    private final ReplayCommand command;

    ReplayReport(String token, ScheduledRun run, ReplayCommand command) {
        this.token = token;
        this.run = run;
        this.command = command;
    }

    /** The token. */
    public String token() {
        return token;
    }

    /** How the run ended, as exploration counts it. */
    public Outcome outcome() {
        return run.outcome();
    }

    /** True unless every process exited with status 0 and the final check (if any) passed. */
    public boolean failed() {
        return run.outcome().failing();
    }

    /** Each process's output and ending, and the final check's verdict. */
    public RunReport report() {
        return run.report();
    }

    /** The run itself: its trace and schedule. */
    public ScheduledRun run() {
        return run;
    }

    /** The run drawn as a timeline: one column per process, one row per step, the blocked calls marked. */
    public String timeline() {
        return Timeline.render(run.trace());
    }

    /** The command line that replays the token: {@code shmlab replay --class ... TOKEN}. */
    public String command() {
        return command.forToken(token);
    }

    /** The outcome in words: "deadlock", "failed assertion", "failed check", ... */
    public static String describe(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The timeline, then each process with its output and ending, then the final check. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(timeline()).append('\n');
        for (ProcessOutcome p : run.report().processes()) {
            b.append(p.label()).append(" (pid ").append(p.pid()).append("): ").append(p.ending()).append('\n');
            for (String line : p.output().split("\n", -1)) {
                if (!line.isEmpty()) {
                    b.append("    | ").append(line).append('\n');
                }
            }
        }
        if (run.report().check() != null) {
            b.append(run.report().check()).append('\n');
        }
        return b.toString();
    }
}
