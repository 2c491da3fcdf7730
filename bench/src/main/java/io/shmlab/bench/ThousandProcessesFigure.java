package io.shmlab.bench;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.labs.RingTransfer;
import io.shmlab.sim.SimMachine;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Figure 5: one simulated run of {@link RingTransfer} in 1,000 processes over one ring buffer (500
 * producers and 500 consumers of one item each), against the same run in 10 processes (5 and 5):
 * wall time, and heap used (the most heap in use during the run, sampled every millisecond, garbage
 * and the driver's own heap included; G1 reports it coarsely, so only the difference between the two
 * runs means something). Every consumer must get its item.
 */
final class ThousandProcessesFigure {
    private static final double MIB = 1024 * 1024;
    /**
     * Runs of each size: a run's wall time and its peak heap vary a lot from one run to the next (thread
     * start-up, when a collection happens), so each figure is the median of several.
     */
    private static final int ROUNDS = 7;

    private final boolean smoke;
    private final PrintStream log;

    ThousandProcessesFigure(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    List<Figure> measure() throws Exception {
        int many = smoke ? 40 : 1_000;
        int few = 10;
        int rounds = smoke ? 1 : ROUNDS;
        run(few);
        run(many);
        List<Measured> ofMany = runs(many, rounds);
        List<Measured> ofFew = runs(few, rounds);
        double manyMillis = median(ofMany, Measured::millis);
        double fewMillis = median(ofFew, Measured::millis);
        double manyHeap = median(ofMany, Measured::peakMib);
        double fewHeap = median(ofFew, Measured::peakMib);
        double driverHeap = Stream.concat(ofMany.stream(), ofFew.stream()).mapToDouble(Measured::beforeMib).max().orElse(0);
        log.printf(Locale.ROOT, "  %d processes: %.0f ms, %.1f MiB; %d processes: %.1f ms, %.1f MiB%n", many, manyMillis,
                manyHeap, few, fewMillis, fewHeap);
        String name = String.format(Locale.ROOT, "%,d simulated processes over one ring buffer (%d producers, %d consumers)",
                many, many / 2, many / 2);
        return List.of(
                new Figure(name + ": wall time", manyMillis, fewMillis, "ms", false,
                        "reference is the same run in " + few + " processes; median of " + rounds),
                new Figure(name + ": heap used", manyHeap, fewHeap, "MiB", false, String.format(Locale.ROOT,
                        "reference is the same run in %d processes; peak heap in use during the run, sampled every ms,"
                                + " garbage and the driver's own heap (%.1f MiB after a GC before each run) included;"
                                + " median of %d", few, driverHeap, rounds)));
    }

    /** What one run took: its wall time, the most heap in use during it, and the heap in use before it. */
    private record Measured(double millis, double peakMib, double beforeMib) {
    }

    private static List<Measured> runs(int processes, int rounds) throws InterruptedException {
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            measured.add(run(processes));
        }
        return measured;
    }

    private static double median(List<Measured> runs, ToDoubleFunction<Measured> figure) {
        return Rounds.median(runs.stream().mapToDouble(figure).toArray());
    }

    /** One run. */
    private static Measured run(int processes) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        HeapPeak peak = new HeapPeak(memory);
        long start = System.nanoTime();
        RunReport report;
        try (SimMachine machine = SimMachine.builder().seed(1).build()) {
            report = machine.run(RingTransfer.spec("/ring", 1, processes / 2), RunOptions.of(processes).withSeed(1));
        } finally {
            peak.stop();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        check(report, processes);
        return new Measured(millis, peak.max() / MIB, before / MIB);
    }

    /** The most heap in use while it runs, sampled every millisecond by a daemon thread. */
    private static final class HeapPeak {
        private final MemoryMXBean memory;
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long max;

        HeapPeak(MemoryMXBean memory) {
            this.memory = memory;
            this.max = memory.getHeapMemoryUsage().getUsed();
            this.sampler = new Thread(this::sample, "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            while (running) {
                max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
        }

        long max() {
            return max;
        }
    }

    private static void check(RunReport report, int processes) {
        if (report.processes().size() != processes || report.failed()) {
            throw new IllegalStateException("the run of " + processes + " processes failed: " + report.processes().stream()
                    .filter(p -> p.ending().failed()).limit(5).toList());
        }
        long consumers = report.processes().stream().map(ProcessOutcome::output)
                .filter(o -> o.startsWith("checksum " + RingTransfer.checksumOf(1) + "\n")).count();
        if (consumers != processes / 2
                || !report.processes().stream().allMatch(p -> p.ending().equals(new Ending.Exited(0)))) {
            throw new IllegalStateException(consumers + " of " + processes / 2 + " consumers got their item");
        }
    }
}
