package io.shmlab.sim.sched;

import io.shmlab.api.ShmSize;

/**
 * Runs a schedule token again, as in {@code shmlab replay}: the same interleaving, output, faults,
 * final memory and trace, every time.
 *
 * <p>A token that records what it was found for (see {@link Schedule}) is refused for another program
 * or other arguments; against its own program whose code changed since (a regression test of a race
 * once fixed), it replays as far as its choices fit, and the trace's ending says where they stopped. The token runs twice, and the two runs must agree at every scheduling point (who
 * may run, and the call each is about to make) and in how each process ends: a program that does not
 * run the same way twice under one schedule is refused at the first difference, with the process and
 * the call, rather than shown as a timeline the token was not found with.
 */
public final class Replayer {

    private Replayer() {
    }

    /**
     * Replays a token on a fresh world of the simulation (for a program on a simulated machine,
     * {@code io.shmlab.sim.ProgramSimulation}), traced.
     *
     * @throws IllegalArgumentException when the token is malformed or is not a schedule of this
     *     simulation
     */
    public static ScheduledRun replay(Simulation simulation, String token) {
        Schedule schedule = Schedule.decode(token);
        requireFoundFor(schedule, simulation.foundFor());
        requireShmSize(schedule, simulation.shmSize());
        DivergenceWatch first = DivergenceWatch.recording(schedule.replayStrategy());
        first.beginSchedule();
        try (Scheduler scheduler = new Scheduler()) {
            RunSettings settings = RunSettings.of(schedule);
            ScheduledRun reference = scheduler.run(simulation, settings.traced(false), first);
            Strategy replay = schedule.replayStrategy();
            DivergenceWatch second = first.comparing(replay);
            second.beginSchedule();
            ScheduledRun run = scheduler.run(simulation, settings, second);
            DivergenceWatch.requireSameEnd(reference.report(), run.report());
            return replay instanceof ReplayStrategy choices && choices.misfit() != null ? noted(run, choices.misfit()) : run;
        }
    }

    /** The run with a note after its trace's ending: the token stopped fitting the program's code. */
    private static ScheduledRun noted(ScheduledRun run, String misfit) {
        Trace trace = run.trace();
        String note = "note: the program's code is not the one the token was found with: " + misfit;
        return new ScheduledRun(run.report(), new Trace(trace.labels(), trace.pids(), trace.steps(),
                trace.ending() + "\n" + note), run.schedule(), run.outcome(), run.steps());
    }

    /**
     * Refuses a token found on a machine whose /dev/shm held another capacity: ENOSPC and SIGBUS come
     * where the capacity puts them.
     *
     * @throws IllegalArgumentException naming both capacities
     */
    static void requireShmSize(Schedule schedule, ShmSize replaying) {
        if (!schedule.shmSize().equals(replaying)) {
            throw new IllegalArgumentException("the token was found on a /dev/shm of " + schedule.shmSize()
                    + " (--shm-size=" + schedule.shmSize().option() + "), not " + replaying);
        }
    }

    /**
     * Refuses a token found for another program than the one replaying it (a token that does not say,
     * or a simulation that is not a program, passes).
     *
     * @throws IllegalArgumentException naming both programs
     */
    static void requireFoundFor(Schedule schedule, Schedule.FoundFor replaying) {
        Schedule.FoundFor found = schedule.foundFor();
        if (found == null || replaying == null || found.equals(replaying)) {
            return;
        }
        String what = found.program().equals(replaying.program())
                ? found.program() + " with the arguments " + found.args() + ", not " + replaying.args()
                : found + ", not for " + replaying;
        throw new IllegalArgumentException("the token was found for " + what + " (" + schedule.processes()
                + " processes): it is a schedule of another program");
    }
}
