package io.shmlab.bench;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.RingTransfer;
import io.shmlab.libc.NativeSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 2: Exercise 4's ring buffer between two real processes, items of 256 bytes per second.
 * shmlab: two child JVMs on the native backend running {@link RingTransfer} (one producer, one
 * consumer); reference: {@code c/ring.c}, the same program in C with fork. Both sides time the
 * consumer from its first item to its last (process start-up excluded on both) and check the
 * checksum. Each side's figure is the median of a few rounds, C and Java taking turns; a second row
 * gives the Java side with sem_wait's spin off, a third with the pages of a mapping not faulted in
 * before their first access ({@link NativeSettings#POPULATE_PAGES} off): the default row against the
 * third is what checking a full /dev/shm costs the ring.
 */
final class RingFigure {
    static final String NAME = "ring buffer, 2 real processes, items of 256 B, native vs C";

    private final boolean smoke;
    private final Path scratch;
    private final PrintStream log;

    RingFigure(boolean smoke, Path scratch, PrintStream log) {
        this.smoke = smoke;
        this.scratch = scratch;
        this.log = log;
    }

    /**
     * The figure, and beside it the same Java run with sem_wait's spin off (as glibc waits), so the
     * part the spin plays is measured in the same run.
     */
    List<Figure> measure(Machine machine) throws Exception {
        Os os = machine.spawn();
        long items = smoke ? 2_000 : 1_000_000;
        int rounds = smoke ? 1 : 5;
        CProgram c = CProgram.compile("ring", scratch);
        double[] cRates = new double[rounds];
        double[] javaRates = new double[rounds];
        double[] unspunRates = new double[rounds];
        double[] unpopulatedRates = new double[rounds];
        for (int round = 0; round < rounds; round++) { // the four take turns, so all see the same load
            cRates[round] = cRate(c, os, items);
            javaRates[round] = javaRate(machine, os, items);
            unspunRates[round] = with(NativeSettings.SEMAPHORE_SPINS, "0", () -> javaRate(machine, os, items));
            unpopulatedRates[round] = with(NativeSettings.POPULATE_PAGES, "false", () -> javaRate(machine, os, items));
        }
        double reference = Rounds.median(cRates);
        double java = Rounds.median(javaRates);
        double unspun = Rounds.median(unspunRates);
        double unpopulated = Rounds.median(unpopulatedRates);
        log.printf("  ring: native %.0f items/s (without the spin %.0f, pages not faulted in first %.0f), C %.0f items/s"
                + " (medians of %d)%n", java, unspun, unpopulated, reference, rounds);
        String count = " (" + String.format(Locale.ROOT, "%,d", items) + " items)";
        String how = "from the consumer's first item to its last on both sides; median of " + rounds + " turns each";
        return List.of(
                new Figure(NAME + count, java, reference, "items/s", true, how + "; target ≥ 0.90x"),
                new Figure(NAME + ", sem_wait without the spin" + count, unspun, reference, "items/s", true,
                        how + "; -D" + NativeSettings.SEMAPHORE_SPINS + "=0: a wait that finds 0 sleeps at once, as in glibc"),
                new Figure(NAME + ", pages not faulted in first" + count, unpopulated, reference, "items/s", true,
                        how + "; -D" + NativeSettings.POPULATE_PAGES + "=false: no madvise(MADV_POPULATE_*) before a page's"
                                + " first access, no check per access (a full /dev/shm would be a real SIGBUS);"
                                + " the first row against this one is what the check costs"));
    }

    /** A measurement made with a setting of the native backend, which the child JVMs of the run inherit. */
    private static double with(String property, String value, Rounds.Measurement measurement) throws Exception {
        String before = System.getProperty(property);
        System.setProperty(property, value);
        try {
            return measurement.take();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    private static double cRate(CProgram c, Os os, long items) throws IOException, InterruptedException {
        String name = "/shmlab-bench-ring-c-" + UUID.randomUUID();
        try {
            Map<String, Double> values = c.values(name, Long.toString(items));
            if (values.getOrDefault("checksum", -1.0) != RingTransfer.checksumOf(items)) {
                throw new IllegalStateException("c/ring.c lost items: " + values);
            }
            return values.get("items_per_second");
        } finally {
            RingTransfer.removeNames(os, name); // c/ring.c removes them itself, unless it failed half-way
        }
    }

    private static double javaRate(Machine machine, Os os, long items) {
        String name = "/shmlab-bench-ring-" + UUID.randomUUID();
        try {
            RunReport report = machine.run(RingTransfer.spec(name, items, 1),
                    RunOptions.of(2).withTimeout(Duration.ofMinutes(10)));
            if (report.failed()) {
                throw new IllegalStateException("the ring buffer run failed: " + report);
            }
            String consumer = report.processes().stream().map(ProcessOutcome::output)
                    .filter(o -> o.startsWith("checksum")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no consumer output: " + report));
            String[] lines = consumer.split("\n");
            if (!lines[0].equals("checksum " + RingTransfer.checksumOf(items))) {
                throw new IllegalStateException("the ring buffer lost items: " + lines[0]);
            }
            return Double.parseDouble(lines[1].substring("items_per_second ".length()));
        } finally {
            RingTransfer.removeNames(os, name);
        }
    }
}
