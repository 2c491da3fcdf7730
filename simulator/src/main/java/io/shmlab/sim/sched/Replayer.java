package io.shmlab.sim.sched;

import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.ProgramSimulation;

/**
 * Runs a schedule token again, as in {@code shmlab replay}: the same interleaving, output, faults,
 * final memory and trace, every time.
 */
public final class Replayer {

    private Replayer() {
    }

    /**
     * Replays a token of a program on a fresh simulated machine, traced.
     *
     * @throws IllegalArgumentException when the token is malformed or is not a schedule of this
     *     program
     */
    public static ScheduledRun replay(ProgramSpec spec, String token) {
        return replay(new ProgramSimulation(spec), token);
    }

    /**
     * Replays a token on a fresh world of the simulation, traced.
     *
     * @throws IllegalArgumentException when the token is malformed or is not a schedule of this
     *     simulation
     */
    public static ScheduledRun replay(Simulation simulation, String token) {
        Schedule schedule = Schedule.decode(token);
        ReplayStrategy strategy = new ReplayStrategy(schedule);
        strategy.beginSchedule();
        try (Scheduler scheduler = new Scheduler()) {
            return scheduler.run(simulation, RunSettings.of(schedule), strategy);
        }
    }
}
