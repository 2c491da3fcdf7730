package io.shmlab.sim.sched.bench;

import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.sim.SimMachine;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.StrategyKind;
import io.shmlab.sim.sched.programs.Exercise5;
import io.shmlab.sim.sched.programs.RingOfProcesses;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The numbers of BENCHMARKS.md: exploration rate on Exercise 5 with two processes, time to the first
 * deadlock, and one run of a thousand processes. It measures and prints; it asserts nothing about
 * time, and runs only when asked:
 *
 * <pre>
 *   mvn -pl simulator -am verify -Dtest=ExplorationRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *       -DargLine=-Dshmlab.bench=true
 * </pre>
 * The output is in {@code simulator/target/surefire-reports/*ExplorationRateBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "shmlab.bench", matches = "true")
class ExplorationRateBenchmark {

    private static final ProgramSpec EXERCISE_5 = ProgramSpec.of(Exercise5.class);
    private static final int SCHEDULES = 20_000;
    private static final int ROUNDS = 7;

    @Test
    void measure() {
        long t0 = System.nanoTime();
        ExplorationReport first = Explorer.explore(EXERCISE_5, 2,
                ExploreOptions.defaults().withStopAtFirstFailure(true), ProgressListener.NONE);
        double coldMillis = (System.nanoTime() - t0) / 1e6;
        print("first deadlock, DFS, cold JVM: %.1f ms after %d schedules", coldMillis, first.schedules());

        for (StrategyKind kind : StrategyKind.values()) {
            ExploreOptions options = ExploreOptions.defaults().withStrategy(kind).withMaxSchedules(SCHEDULES)
                    .withPreemptionBound(1_000);
            double[] rates = new double[ROUNDS];
            long schedules = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                ExplorationReport report = Explorer.explore(EXERCISE_5, 2, options, ProgressListener.NONE);
                rates[round] = report.schedules() * 1e9 / (System.nanoTime() - start);
                schedules = report.schedules();
            }
            Arrays.sort(rates);
            print("%-6s %6d schedules/round: median %8.0f schedules/s (min %.0f, max %.0f)", kind.userName(),
                    schedules, rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1]);
        }

        long warm = System.nanoTime();
        ExplorationReport again = Explorer.explore(EXERCISE_5, 2,
                ExploreOptions.defaults().withStopAtFirstFailure(true), ProgressListener.NONE);
        print("first deadlock, DFS, warm: %.2f ms after %d schedules", (System.nanoTime() - warm) / 1e6,
                again.schedules());

        long ring = System.nanoTime();
        RunReport report;
        try (SimMachine machine = SimMachine.builder().seed(1).build()) {
            report = machine.run(ProgramSpec.of(RingOfProcesses.class), RunOptions.of(1000).withSeed(1));
        }
        print("ring buffer, 500 producers + 500 consumers: %s in %.0f ms", report.failed() ? "FAILED" : "completed",
                (System.nanoTime() - ring) / 1e6);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
