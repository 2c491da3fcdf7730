package io.shmlab.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RandomStrategy;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Scheduler;
import io.shmlab.stress.RingFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator kills a worker of Exercise 4's ring at every one of its steps in turn (each system
 * call and each load or store it makes, {@link KillingDispatcher}), over the same seeded schedule, and
 * after each kill the same invariant must hold ({@link CrashDrill}): the survivors finish, nothing
 * blocks, every committed item arrived exactly once, the ring is empty and the mutex free.
 */
class SimCrashSweepTest {
    private static final Logger LOG = LoggerFactory.getLogger(SimCrashSweepTest.class);
    private static final long STEP_LIMIT = 200_000;

    @ParameterizedTest(name = "worker {0} killed, seed {1}")
    @CsvSource({"0, 1", "2, 1", "1, 7", "3, 7"})
    void killingAWorkerAtAnyStepLosesNoCommittedItem(int victim, long seed) {
        CrashSettings settings = new CrashSettings(RingFixture.uniqueName("sweep"), 2, 2, 3, 2,
                Duration.ofMillis(100), -1, -1, CrashSettings.BEFORE_THE_RING_CHANGES);
        List<String> args = new ArrayList<>(settings.toArgs());
        args.add(Integer.toString(victim));
        ProgramSpec drill = new ProgramSpec(CrashDrill.class.getName(), args);
        try (Scheduler scheduler = new Scheduler()) {
            Sweep clean = run(scheduler, drill, seed, 0);
            assertEquals(0, clean.report().ending() instanceof Ending.Exited e ? e.status() : -1, clean::describe);
            long steps = clean.dispatcher().victimSteps();
            assertTrue(steps > 20, () -> "the victim made only " + steps + " steps");
            for (long k = 1; k <= steps; k++) {
                Sweep sweep = run(scheduler, drill, seed, k);
                assertTrue(sweep.dispatcher().killed(), sweep::describe);
                assertEquals(new Ending.Exited(0), sweep.report().ending(), sweep::describe);
            }
            LOG.info("sim crash sweep, worker {} ({}), seed {}: killed at each of its {} steps, invariant held "
                    + "every time", victim, settings.isProducer(victim) ? "producer" : "consumer", seed, steps);
        }
    }

    private static Sweep run(Scheduler scheduler, ProgramSpec drill, long seed, long killAt) {
        KillingDispatcher[] dispatcher = new KillingDispatcher[1];
        RandomStrategy strategy = new RandomStrategy(seed);
        strategy.beginSchedule();
        ScheduledRun run = scheduler.run((inner, processes, machineSeed) -> {
            dispatcher[0] = new KillingDispatcher(inner, killAt);
            return new ProgramSimulation(drill).boot(dispatcher[0], processes, machineSeed);
        }, new RunSettings(1, seed, Granularity.SYSCALL, STEP_LIMIT, false), strategy);
        return new Sweep(killAt, run, dispatcher[0]);
    }

    /** One run of the sweep. */
    private record Sweep(long killAt, ScheduledRun run, KillingDispatcher dispatcher) {
        ProcessOutcome report() {
            return run.report().processes().get(0);
        }

        String describe() {
            return "kill at step " + killAt + ": " + run.outcome() + ", " + report() + ", schedule " + run.token();
        }
    }
}
