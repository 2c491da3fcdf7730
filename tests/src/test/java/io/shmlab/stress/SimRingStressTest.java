package io.shmlab.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Backends;
import io.shmlab.api.Machine;
import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.RingBufferLayout;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercise 4's ring buffer under load on the simulator: {@code shmlab.stress.sim.producers} producers
 * and as many consumers (simulated processes, 3 by default, 16 with {@code -Pstress}) move
 * {@code shmlab.stress.sim.items} items each through a ring of {@value #CAPACITY} slots, under the
 * seeded random scheduler, for {@code shmlab.stress.sim.seeds} seeds. Each run must end with every
 * process done (a deadlock is found exactly) and every item received exactly once, intact.
 */
class SimRingStressTest {
    private static final Logger LOG = LoggerFactory.getLogger(SimRingStressTest.class);
    private static final int CAPACITY = 3;
    private static final int PROCESSES_PER_ROLE = Integer.getInteger("shmlab.stress.sim.producers", 3);
    private static final int PER_PRODUCER = Integer.getInteger("shmlab.stress.sim.items", 100);
    private static final int SEEDS = Integer.getInteger("shmlab.stress.sim.seeds", 3);

    private static final AtomicLong PASSED = new AtomicLong();
    private static final AtomicLong LOST_OR_DUPLICATED = new AtomicLong();
    private static final AtomicLong NANOS = new AtomicLong();

    @AfterAll
    static void figures() {
        LOG.info(String.format(Locale.ROOT, "sim ring stress: %d items passed, %d lost or duplicated, through %d "
                + "simulated processes per run over %d seeds, in %.1f s", PASSED.get(), LOST_OR_DUPLICATED.get(),
                2 * PROCESSES_PER_ROLE, SEEDS, NANOS.get() / 1e9));
    }

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyItemArrivesExactlyOnceThroughSimulatedProcesses(long seed) {
        RingBufferLayout ring = RingBufferLayout.forCapacity(CAPACITY);
        LedgerLayout ledger = LedgerLayout.of(PROCESSES_PER_ROLE, PER_PRODUCER);
        long start = System.nanoTime();
        try (Machine machine = Backends.get("sim").boot()) {
            Os os = machine.spawn();
            try (RingFixture fixture = RingFixture.create(os, RingFixture.uniqueName("sim-stress"), ring, ledger.size())) {
                RunReport report = machine.run(ProgramSpec.of(RingStressProgram.class, fixture.name(),
                                Integer.toString(PROCESSES_PER_ROLE), Integer.toString(PROCESSES_PER_ROLE),
                                Integer.toString(PER_PRODUCER), Integer.toString(CAPACITY)),
                        RunOptions.of(2 * PROCESSES_PER_ROLE).withSeed(seed));

                assertFalse(report.blocked(), () -> "deadlock, schedule " + report.schedule() + ": " + report);
                assertFalse(report.failed(), () -> "schedule " + report.schedule() + ": " + report);
                Mapping ledgerMemory = RingStressProgram.map(os, RingFixture.ledgerName(fixture.name()), ledger.size());
                Tally tally = Tally.of(ledgerMemory, ledger);
                LOG.info("sim ring stress, seed {}: {} producers and {} consumers, capacity {}: {}", seed,
                        PROCESSES_PER_ROLE, PROCESSES_PER_ROLE, CAPACITY, tally);
                PASSED.addAndGet(tally.passed());
                LOST_OR_DUPLICATED.addAndGet(tally.lost() + tally.duplicated());
                NANOS.addAndGet(System.nanoTime() - start);
                assertTrue(tally.exact(), () -> tally + ", schedule " + report.schedule());
                assertEquals(PROCESSES_PER_ROLE, ledgerMemory.getInt(LedgerLayout.CONSUMERS_DONE_OFFSET));
            }
        }
    }
}
