package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.labs.RingTransfer;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercise 4's ring buffer between two child JVMs ({@link RingTransfer}), guarded by three named
 * semaphores: every item arrives exactly once, in order (the checksum). The item count is
 * {@code shmlab.ring.items} (default 20000); the consumer's rate is logged, not asserted.
 */
class RingBufferBetweenTwoJvmsTest {
    private static final Logger LOG = LoggerFactory.getLogger(RingBufferBetweenTwoJvmsTest.class);
    private static final long ITEMS = Long.getLong("shmlab.ring.items", 20_000);

    private Machine machine;
    private Os os;
    private final String name = "/" + ShmLeakCheck.RUN_TAG + "-ring-" + UUID.randomUUID();

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        os = machine.spawn();
    }

    @AfterEach
    void cleanUp() {
        if (os == null) {
            return; // skipped: the backend cannot run here
        }
        RingTransfer.removeNames(os, name);
    }

    @Test
    void everyItemArrivesOnceAndInOrder() {
        RunReport report = machine.run(RingTransfer.spec(name, ITEMS, 1),
                RunOptions.of(2).withTimeout(Duration.ofMinutes(5)));

        assertFalse(report.failed(), report.toString());
        String consumer = report.processes().stream().map(ProcessOutcome::output)
                .filter(o -> o.startsWith("checksum")).findFirst().orElseThrow();
        String producer = report.processes().stream().map(ProcessOutcome::output)
                .filter(o -> o.startsWith("produced")).findFirst().orElseThrow();
        assertEquals("produced " + ITEMS + "\n", producer);
        assertEquals("checksum " + RingTransfer.checksumOf(ITEMS), consumer.lines().findFirst().orElseThrow());
        LOG.info("ring buffer, {} items of 256 bytes between two JVMs: {}", ITEMS, consumer.lines().skip(1).findFirst().orElse("?"));
    }
}
