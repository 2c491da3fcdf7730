package io.shmlab.exec;

import io.shmlab.libc.exec.ExecProgram;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.ExternalChoices;
import io.shmlab.sim.sched.Outcome;
import java.util.EnumMap;
import java.util.Map;

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
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        long schedules = 0;
        String first = null;
        String shortest = null;
        long shortestSteps = 0;
        boolean complete = false;
        while (true) {
            if (schedules >= options.maxSchedules()) {
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
            schedules++;
            Outcome outcome = ExecOutcome.of(result);
            counts.merge(outcome, 1L, Long::sum);
            if (outcome.failing()) {
                String token = choices.schedule(processes, ExecToken.foundFor(program)).encode();
                if (first == null) {
                    first = token;
                }
                if (shortest == null || result.steps().size() < shortestSteps) {
                    shortest = token;
                    shortestSteps = result.steps().size();
                }
            }
            ExplorationReport soFar = new ExplorationReport(schedules, counts, first, shortest, shortestSteps, false);
            progress.counted(soFar);
            if (options.stopAtFirstFailure() && first != null) {
                return soFar;
            }
        }
        return new ExplorationReport(schedules, counts, first, shortest, shortestSteps, complete);
    }
}
