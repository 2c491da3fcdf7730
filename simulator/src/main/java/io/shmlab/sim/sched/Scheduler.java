package io.shmlab.sim.sched;

import io.shmlab.api.RunReport;

/**
 * Runs schedules: boots a fresh world of a {@link Simulation} for each, lets a {@link Strategy} pick
 * who runs at every scheduling point, and reports the run with its schedule token. When every process
 * exited, the world's final check runs (if it has one) before the world is closed.
 *
 * <p>It keeps the threads of simulated processes between runs, so one scheduler should serve many
 * runs; close it to stop them. Not for concurrent use: one run at a time.
 */
public final class Scheduler implements AutoCloseable {

    private final ProcessThreads threads = new ProcessThreads();

    /**
     * Runs one schedule.
     *
     * @throws IllegalArgumentException when the strategy refused the run (a replayed token that does
     *     not fit the program)
     * @throws IllegalStateException when the simulated kernel failed
     */
    public ScheduledRun run(Simulation simulation, RunSettings settings, Strategy strategy) {
        ScheduledDispatcher dispatcher = new ScheduledDispatcher(strategy, settings, threads);
        World world;
        try {
            world = simulation.boot(dispatcher, settings.processes(), settings.seed());
        } catch (RuntimeException | Error e) {
            dispatcher.abandon();
            throw e;
        }
        try {
            dispatcher.observe(world);
            dispatcher.run();
            Schedule.Generator generator = strategy.generator();
            strategy.endSchedule(dispatcher.stepCount());
            if (dispatcher.end() == RunEnd.FAILED) {
                Throwable cause = dispatcher.failure();
                if (cause instanceof IllegalArgumentException iae) {
                    throw new IllegalArgumentException(iae.getMessage(), iae);
                }
                throw new IllegalStateException(dispatcher.ending(), cause);
            }
            Schedule schedule = new Schedule(settings.granularity(), settings.processes(), settings.seed(),
                    settings.stepLimit(), settings.spuriousEintr(), dispatcher.choices(), generator)
                    .foundFor(simulation.foundFor()).onShmSize(simulation.shmSize());
            RunReport report = new RunReport(world.outcomes(dispatcher.stopped()), schedule.encode());
            if (dispatcher.end() == RunEnd.FINISHED && report.allExited()) {
                report = report.withCheck(world.finalCheck());
            }
            return new ScheduledRun(report, dispatcher.trace(), schedule, Outcome.of(dispatcher.end(), report),
                    dispatcher.stepCount());
        } finally {
            world.close();
        }
    }

    /** How many process threads this scheduler has created (they are reused between runs). */
    public int threadsCreated() {
        return threads.created();
    }

    /** Stops the process threads. */
    @Override
    public void close() {
        threads.close();
    }
}
