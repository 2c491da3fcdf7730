package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.shmlab.api.Ending;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.sim.SimMachine;
import io.shmlab.labs.RingTransfer;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's scale case: Exercise 4's ring buffer ({@link RingTransfer}) with 500 producers and 500
 * consumers of one item each, one scheduled run.
 */
class ThousandProcessesTest {

    @Test
    void aRingBufferOf500ProducersAnd500ConsumersCompletes() {
        RunReport report;
        try (SimMachine machine = SimMachine.builder().seed(5).build()) {
            report = machine.run(RingTransfer.spec("/ring", 1, 500), RunOptions.of(1000).withSeed(5));
        }
        assertEquals(1000, report.processes().size());
        assertFalse(report.failed(), () -> report.processes().stream().filter(p -> p.ending().failed())
                .limit(5).map(Object::toString).toList().toString());
        report.processes().forEach(p -> assertEquals(new Ending.Exited(0), p.ending()));
        assertNotNull(report.schedule());
    }
}
