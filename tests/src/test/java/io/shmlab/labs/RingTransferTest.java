package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.sim.SimMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RingTransfer} in scheduled simulated runs: every item arrives once, whatever the interleaving. */
class RingTransferTest {

    private static RunReport run(long items, int producers, int processes, long seed) {
        try (SimMachine machine = SimMachine.builder().seed(seed).build()) {
            return machine.run(RingTransfer.spec("/ring", items, producers), RunOptions.of(processes).withSeed(seed));
        }
    }

    private static List<String> outputsStartingWith(RunReport report, String prefix) {
        return report.processes().stream().map(ProcessOutcome::output).filter(o -> o.startsWith(prefix)).toList();
    }

    @Test
    void oneProducerPassesEveryItemInOrderToOneConsumer() {
        for (long seed = 1; seed <= 5; seed++) {
            RunReport report = run(100, 1, 2, seed);
            assertFalse(report.failed(), report::toString);
            assertEquals(List.of("produced 100\n"), outputsStartingWith(report, "produced"));
            List<String> consumers = outputsStartingWith(report, "checksum");
            assertEquals(1, consumers.size(), report::toString);
            assertEquals("checksum " + RingTransfer.checksumOf(100), consumers.get(0).lines().findFirst().orElseThrow());
        }
    }

    @Test
    void manyProducersAndConsumersEachMoveTheirItems() {
        RunReport report = run(3, 5, 10, 7);
        report.processes().forEach(p -> assertEquals(new Ending.Exited(0), p.ending(), p::toString));
        assertEquals(5, outputsStartingWith(report, "produced 3\n").size(), report::toString);
        assertEquals(5, outputsStartingWith(report, "checksum").size(), report::toString);
        long total = outputsStartingWith(report, "checksum").stream()
                .mapToLong(o -> Long.parseLong(o.lines().findFirst().orElseThrow().substring("checksum ".length()))).sum();
        assertEquals(5 * RingTransfer.checksumOf(3), total, "every item arrives exactly once");
    }

    @Test
    void theRunNamesTheObjectsItLeaves() {
        assertEquals(List.of("/r-empty", "/r-full", "/r-mutex", "/r-producers"), RingTransfer.names("/r"));
    }

    @Test
    void refusesNoItemsOrNoProducers() {
        assertThrows(IllegalArgumentException.class, () -> new RingTransfer(new String[] {"/r", "0"}));
        assertThrows(IllegalArgumentException.class, () -> new RingTransfer(new String[] {"/r", "5", "0"}));
        assertThrows(IllegalArgumentException.class, () -> new RingTransfer(new String[] {"/r"}));
    }
}
