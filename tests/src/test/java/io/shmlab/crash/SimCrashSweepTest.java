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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator kills a worker of Exercise 4's ring at every one of its steps in turn (each system
 * call and each load or store it makes, {@link KillingDispatcher}), over the same seeded schedule, and
 * after each kill the same invariant must hold ({@link CrashDrill}): the survivors finish, nothing
 * blocks, every committed item arrived exactly once, the ring is empty and the mutex free. Every worker
 * is the victim in turn, for {@code shmlab.crash.sim.seeds} seeds (2 by default, more with
 * {@code -Pstress}); odd seeds schedule at every memory access. A second test kills two workers in
 * one run.
 */
class SimCrashSweepTest {
    private static final Logger LOG = LoggerFactory.getLogger(SimCrashSweepTest.class);
    private static final long STEP_LIMIT = 200_000;
    private static final AtomicLong KILLS = new AtomicLong();
    private static final int WORKERS = 4;
    private static final int SEEDS = Integer.getInteger("shmlab.crash.sim.seeds", 2);

    @AfterAll
    static void figures() {
        LOG.info("sim crash sweep: {} kills survived (one or two per run) over {} seeds and {} workers", KILLS.get(),
                SEEDS, WORKERS);
    }

    /** Every worker with every seed; odd seeds switch processes at every memory access too. */
    static Stream<Arguments> victimsAndSeeds() {
        return LongStream.range(0, SEEDS).boxed()
                .flatMap(seed -> IntStream.range(0, WORKERS).mapToObj(victim -> Arguments.of(victim, seed)));
    }

    @ParameterizedTest(name = "worker {0} killed, seed {1}")
    @MethodSource("victimsAndSeeds")
    void killingAWorkerAtAnyStepLosesNoCommittedItem(int victim, long seed) {
        CrashSettings settings = new CrashSettings(RingFixture.uniqueName("sweep"), WORKERS / 2, WORKERS / 2, 3, 2,
                Duration.ofMillis(100), -1, -1, CrashSettings.BEFORE_THE_RING_CHANGES);
        ProgramSpec drill = drill(settings, victim);
        try (Scheduler scheduler = new Scheduler()) {
            Sweep clean = run(scheduler, drill, seed, 0);
            assertEquals(new Ending.Exited(0), clean.report().ending(), clean::describe);
            long steps = clean.dispatcher().steps(0);
            assertTrue(steps > 20, () -> "the victim made only " + steps + " steps");
            for (long k = 1; k <= steps; k++) {
                Sweep sweep = run(scheduler, drill, seed, k);
                assertTrue(sweep.dispatcher().killed(0), sweep::describe);
                assertEquals(new Ending.Exited(0), sweep.report().ending(), sweep::describe);
            }
            LOG.info("sim crash sweep, worker {} ({}), seed {}: killed at each of its {} steps, invariant held "
                    + "every time", victim, settings.isProducer(victim) ? "producer" : "consumer", seed, steps);
            KILLS.addAndGet(steps);
        }
    }

    /**
     * Two workers die, a producer and a consumer, each at one of its steps (every third, over a grid):
     * the repairs take turns and the invariant still holds.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("twoDeathSeeds")
    void twoWorkersDyingCloseTogetherLoseNoCommittedItem(long seed) {
        CrashSettings settings = new CrashSettings(RingFixture.uniqueName("sweep2"), WORKERS / 2, WORKERS / 2, 3, 2,
                Duration.ofMillis(100), -1, -1, CrashSettings.BEFORE_THE_RING_CHANGES);
        ProgramSpec drill = drill(settings, 0, WORKERS / 2);
        try (Scheduler scheduler = new Scheduler()) {
            Sweep clean = run(scheduler, drill, seed, 0, 0);
            long producerSteps = clean.dispatcher().steps(0);
            long consumerSteps = clean.dispatcher().steps(1);
            long runs = 0;
            long bothDied = 0;
            for (long k0 = 1; k0 <= producerSteps; k0 += 3) {
                for (long k1 = 1; k1 <= consumerSteps; k1 += 3) {
                    Sweep sweep = run(scheduler, drill, seed, k0, k1);
                    assertTrue(sweep.dispatcher().killed(0), sweep::describe);
                    assertEquals(new Ending.Exited(0), sweep.report().ending(), sweep::describe);
                    runs++;
                    // the consumer may end before its step k1 once the producer died with its items
                    bothDied += sweep.dispatcher().killed(1) ? 1 : 0;
                }
            }
            LOG.info("sim crash sweep, two deaths, seed {}: {} runs, {} with both dead, invariant held every time",
                    seed, runs, bothDied);
            assertTrue(bothDied > runs / 2, () -> "too few runs killed both workers");
            KILLS.addAndGet(runs + bothDied);
        }
    }

    static LongStream twoDeathSeeds() {
        return LongStream.range(0, Math.max(1, SEEDS / 4));
    }

    private static ProgramSpec drill(CrashSettings settings, int... victims) {
        List<String> args = new ArrayList<>(settings.toArgs());
        args.add(CrashDrill.forkOrder(settings.workers(), victims));
        return new ProgramSpec(CrashDrill.class.getName(), args);
    }

    private static Sweep run(Scheduler scheduler, ProgramSpec drill, long seed, long... killAt) {
        KillingDispatcher[] dispatcher = new KillingDispatcher[1];
        RandomStrategy strategy = new RandomStrategy(seed);
        strategy.beginSchedule();
        ScheduledRun run = scheduler.run((inner, processes, machineSeed) -> {
            dispatcher[0] = new KillingDispatcher(inner, killAt);
            return new ProgramSimulation(drill).boot(dispatcher[0], processes, machineSeed);
        }, new RunSettings(1, seed, seed % 2 == 0 ? Granularity.SYSCALL : Granularity.ACCESS, STEP_LIMIT, false),
                strategy);
        return new Sweep(killAt, run, dispatcher[0]);
    }

    /** One run of the sweep. */
    private record Sweep(long[] killAt, ScheduledRun run, KillingDispatcher dispatcher) {
        ProcessOutcome report() {
            return run.report().processes().get(0);
        }

        String describe() {
            return "kill at steps " + Arrays.toString(killAt) + ": " + run.outcome() + ", " + report() + ", schedule "
                    + run.token();
        }
    }
}
