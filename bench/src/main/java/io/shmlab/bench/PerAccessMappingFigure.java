package io.shmlab.bench;

import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.RandomStrategy;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Scheduler;
import io.shmlab.sim.sched.Strategy;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Figure 4 at per-access granularity: {@link MappingLoop} in one process of a scheduled run where
 * every load and store is a scheduling point, against the same loop on a plain ByteBuffer of the same
 * size. Both sides are timed the same way: a whole run divided by its iterations; the simulated run's
 * fixed cost (booting the machine, shm_open, mmap) is included and is small next to its N iterations.
 */
final class PerAccessMappingFigure {
    private final boolean smoke;
    private final PrintStream log;
    /** The ByteBuffer loop's results, kept so that the JIT cannot drop the loop. */
    private long sink;

    PerAccessMappingFigure(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    Figure measure() throws Exception {
        long ops = smoke ? 5_000 : 200_000;
        int rounds = smoke ? 1 : 5;
        ByteBuffer buffer = ByteBuffer.allocate(SimMappingBenchmark.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long bufferOps = ops * 50;
        String once = expectedOutput(ops);
        try (Scheduler scheduler = new Scheduler()) {
            for (int warmUp = 0; warmUp < (smoke ? 0 : 3); warmUp++) {
                simulated(scheduler, ops, once);
                onBuffer(buffer, bufferOps);
            }
            double sim = Rounds.median(rounds, () -> perOp(() -> simulated(scheduler, ops, once), ops));
            double reference = Rounds.median(rounds, () -> perOp(() -> onBuffer(buffer, bufferOps), bufferOps));
            log.printf("  per-access mapping: %.1f ns/op, ByteBuffer %.2f ns/op (%d)%n", sim, reference, sink & 1);
            return new Figure("simulated mapping int store+load, per-access granularity (scheduled run), vs ByteBuffer",
                    sim, reference, "ns", false, String.format(Locale.ROOT,
                            "2 scheduling points per op; time of a whole run / N, N = %,d (ByteBuffer: %,d);"
                                    + " median of %d", ops, bufferOps, rounds));
        }
    }

    private interface Run {
        void go();
    }

    private static double perOp(Run run, long ops) {
        long start = System.nanoTime();
        run.go();
        return (System.nanoTime() - start) / (double) ops;
    }

    private static void simulated(Scheduler scheduler, long ops, String expectedOutput) {
        RunSettings settings = new RunSettings(1, 1, Granularity.ACCESS, 4 * ops + 1_000, false);
        Strategy strategy = new RandomStrategy(1);
        if (!strategy.beginSchedule()) {
            throw new IllegalStateException("the random strategy has no schedule");
        }
        ScheduledRun run = scheduler.run(new ProgramSimulation(ProgramSpec.of(MappingLoop.class, Long.toString(ops))),
                settings, strategy);
        if (run.outcome() != Outcome.CLEAN || run.steps() < 2 * ops) {
            throw new IllegalStateException("the per-access loop ended " + run.outcome() + " after " + run.steps()
                    + " steps: " + run.report());
        }
        String output = run.report().processes().get(0).output();
        if (!output.equals(expectedOutput)) {
            throw new IllegalStateException("the per-access loop printed " + output + ", not " + expectedOutput);
        }
    }

    private static String expectedOutput(long ops) {
        ByteBuffer fresh = ByteBuffer.allocate(SimMappingBenchmark.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        return "sum " + MappingLoop.onByteBuffer(fresh, ops) + "\n";
    }

    private void onBuffer(ByteBuffer buffer, long ops) {
        sink += MappingLoop.onByteBuffer(buffer, ops);
    }
}
