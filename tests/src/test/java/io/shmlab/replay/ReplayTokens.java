package io.shmlab.replay;

import io.shmlab.api.Footprint;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Schedule tokens of the labs, found by the simulator as a user would find them. */
final class ReplayTokens {

    private ReplayTokens() {
    }

    /** The shortest deadlocking schedule of Exercise 5 in two processes, as {@code shmlab explore ex5} finds it. */
    static String exercise5Deadlock(LabSettings settings) {
        String token = Explorer.explore(new ProgramSimulation(Lab.EX5.spec(settings)), 2, ExploreOptions.defaults(), report -> { })
                .shortestFailing();
        if (token == null) {
            throw new AssertionError("the simulator found no deadlock of Exercise 5");
        }
        return token;
    }

    /**
     * Up to {@code wanted} distinct random schedules of a lab (seeded, so always the same ones) whose
     * simulated run passes {@code keep}.
     */
    static List<String> random(Lab lab, LabSettings settings, int processes, int wanted, Predicate<ScheduledRun> keep) {
        Set<String> traces = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>();
        for (long index = 0; index < 200 && tokens.size() < wanted; index++) {
            String token = new Schedule(Granularity.SYSCALL, processes, 0, RunSettings.DEFAULT_STEP_LIMIT, new int[0],
                    Schedule.Generator.random(7, index)).encode();
            ScheduledRun run = Replayer.replay(new ProgramSimulation(lab.spec(settings)), token);
            String order = run.trace().steps().stream().map(s -> s.process() + s.kind() + s.call()).toList().toString();
            if (keep.test(run) && traces.add(order)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** A run that ended clean. */
    static boolean clean(ScheduledRun run) {
        return run.outcome() == Outcome.CLEAN;
    }

    /**
     * A run in which a process woken from a sem_wait found the semaphore taken by another and blocked
     * again: the wake-up must be held still until the woken process's own turn.
     */
    static boolean blocksAgain(ScheduledRun run) {
        java.util.Map<String, Boolean> inCall = new java.util.HashMap<>();
        for (Step s : run.trace().steps()) {
            if (s.kind() == Step.Kind.BLOCKED) {
                if (inCall.getOrDefault(s.process(), false)) {
                    return true;
                }
                inCall.put(s.process(), true);
            } else if (s.kind() == Step.Kind.RESUMED) {
                inCall.put(s.process(), false);
            }
        }
        return false;
    }

    /** A run in which some call blocked. */
    static boolean blocks(ScheduledRun run) {
        return run.trace().steps().stream().anyMatch(s -> s.kind() == Step.Kind.BLOCKED && s.call().footprint().resource() == Footprint.Resource.SEMAPHORE);
    }
}
