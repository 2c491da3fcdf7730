package io.shmlab.sim.sched;

/**
 * Runs a schedule token again, as in {@code shmlab replay}: the same interleaving, output, faults,
 * final memory and trace, every time.
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
        Strategy strategy = schedule.replayStrategy();
        strategy.beginSchedule();
        try (Scheduler scheduler = new Scheduler()) {
            return scheduler.run(simulation, RunSettings.of(schedule), strategy);
        }
    }
}
