package io.shmlab.exec;

import io.shmlab.libc.exec.ExecProgram;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.ExternalChoices;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.Tally;

/**
 * Explores a C binary's schedules on real processes, at the granularity of its libc calls: one run per
 * schedule the strategy gives (bounded DFS, PCT, random), outcomes counted, failing schedules kept as
 * tokens ({@link ExecToken}). A run cut short by an interruption of shmlab
 * ({@link ExecRun.End#INTERRUPTED}) is not counted: the search ends there with the counts so far.
 */
public final class ExecExploration {

    /** One run under a chooser (the caller makes the control block's name, the outputs, the clean-up). */
    @FunctionalInterface
    public interface Runs {
        /** Runs the program once. */
        ExecRun.Result run(TurnChooser chooser);
    }

    /** Told after each schedule counted. */
    @FunctionalInterface
    public interface Progress {
        /** @param soFar the counts so far */
        void counted(ExplorationReport soFar);
    }

    private ExecExploration() {
    }

    /**
     * Explores.
     *
     * @return the counts; complete when the strategy ran every schedule it has (a DFS within its bound);
     *     the counts so far, not complete, when a run was interrupted
     * @throws NotRepeatableException when the program does not run the same way twice
     */
    public static ExplorationReport explore(ExecProgram program, int processes, ExploreOptions options, Runs runs,
            Progress progress) {
        ExternalChoices choices = ExternalChoices.exploring(options);
        Tally tally = new Tally();
        boolean complete = false;
        while (true) {
            if (tally.schedules() >= options.maxSchedules()) {
                break;
            }
            if (!choices.beginSchedule()) {
                complete = true;
                break;
            }
            ExecRun.Result result = runs.run(new StrategyTurns(choices));
            if (result.end() == ExecRun.End.INTERRUPTED) {
                break;
            }
            choices.endSchedule();
            if (choices.lastScheduleRepeated()) {
                continue;
            }
            Outcome outcome = ExecOutcome.of(result);
            tally.add(outcome, result.steps().size(),
                    outcome.failing() ? choices.schedule(processes, ExecToken.foundFor(program)).encode() : null);
            ExplorationReport soFar = tally.report(false);
            progress.counted(soFar);
            if (options.stopAtFirstFailure() && soFar.firstFailing() != null) {
                return soFar;
            }
        }
        return tally.report(complete);
    }
}
