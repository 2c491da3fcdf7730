package io.shmlab.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Machine;
import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.RingBufferLayout;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercise 4's ring buffer under load on the real kernel: {@value #PRODUCERS} producer and
 * {@value #CONSUMERS} consumer child JVMs move {@code shmlab.stress.native.items} items (50,000 by
 * default, 1,000,000 with {@code -Pstress}) through a ring of {@value #CAPACITY} slots, and the ledger
 * shows each one arrived exactly once, intact. No run may block: the timeout
 * ({@code shmlab.stress.native.timeout}, ISO-8601) ends a deadlocked one as a failure.
 */
class NativeRingStressTest {
    private static final Logger LOG = LoggerFactory.getLogger(NativeRingStressTest.class);
    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;
    private static final int CAPACITY = 10;
    private static final int ITEMS = Integer.getInteger("shmlab.stress.native.items", 50_000);
    private static final Duration TIMEOUT = Duration.parse(System.getProperty("shmlab.stress.native.timeout", "PT5M"));

    private Machine machine;
    private Os os;
    private RingFixture fixture;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        os = machine.spawn();
    }

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void everyItemArrivesExactlyOnceThroughChildJvms() {
        int perProducer = ITEMS / PRODUCERS;
        RingBufferLayout ring = RingBufferLayout.forCapacity(CAPACITY);
        LedgerLayout ledger = LedgerLayout.of(PRODUCERS, perProducer);
        fixture = RingFixture.create(os, RingFixture.uniqueName("stress"), ring, ledger.size());

        long start = System.nanoTime();
        RunReport report = machine.run(ProgramSpec.of(RingStressProgram.class, fixture.name(),
                        Integer.toString(PRODUCERS), Integer.toString(CONSUMERS), Integer.toString(perProducer),
                        Integer.toString(CAPACITY)),
                RunOptions.of(PRODUCERS + CONSUMERS).withTimeout(TIMEOUT));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertFalse(report.blocked(), () -> "deadlock: " + report);
        assertFalse(report.failed(), report::toString);
        Mapping ledgerMemory = RingStressProgram.map(os, RingFixture.ledgerName(fixture.name()), ledger.size());
        try {
            Tally tally = Tally.of(ledgerMemory, ledger);
            LOG.info(String.format(Locale.ROOT, "native ring stress: %d producer and %d consumer JVMs, capacity %d: "
                    + "%s in %.1f s (%.0f items/s)", PRODUCERS, CONSUMERS, CAPACITY, tally, seconds,
                    tally.passed() / seconds));
            assertTrue(tally.exact(), tally::toString);
            assertEquals(PRODUCERS * perProducer, tally.passed());
            assertEquals(PRODUCERS, ledgerMemory.getInt(LedgerLayout.PRODUCERS_DONE_OFFSET));
            assertEquals(CONSUMERS, ledgerMemory.getInt(LedgerLayout.CONSUMERS_DONE_OFFSET));
        } finally {
            os.munmap(ledgerMemory);
        }
        long reported = report.processes().stream().map(ProcessOutcome::output)
                .filter(o -> o.startsWith("consumer")).mapToLong(o -> Long.parseLong(o.trim().replaceAll(".* got ", "")))
                .sum();
        assertEquals(PRODUCERS * perProducer, reported, "items the consumers say they got");
    }
}
