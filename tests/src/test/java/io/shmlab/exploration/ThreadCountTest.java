package io.shmlab.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The results of a depth-first exploration do not depend on how many threads run it: the report on
 * one thread (counts per outcome, the first and the shortest failing tokens, whether it is complete)
 * is the report on two and on three, for DPOR, plain DFS and a search bounded by preemptions, with and
 * without a schedule budget, and stopping at the first failure.
 */
class ThreadCountTest {

    private static ExplorationReport explore(Lab lab, int processes, ExploreOptions options, int threads) {
        return Explorer.explore(new ProgramSimulation(lab.spec(LabSettings.defaults())), processes,
                options.withThreads(threads).withPerAccess(lab.raceInMemory()), ProgressListener.NONE);
    }

    private static void assertSameOnAnyThreads(Lab lab, int processes, ExploreOptions options) {
        ExplorationReport one = explore(lab, processes, options, 1);
        for (int threads = 2; threads <= 3; threads++) {
            assertEquals(one, explore(lab, processes, options, threads), lab.id() + " in " + processes
                    + " processes on " + threads + " threads");
        }
    }

    @ParameterizedTest
    @CsvSource({"EX1, 2", "EX2, 2", "EX3, 3", "EX4, 2", "EX5, 3", "EX5_FIXED, 3"})
    void dporReportsTheSameOnAnyNumberOfThreads(String name, int processes) {
        ExploreOptions options = ExploreOptions.defaults();
        ExplorationReport report = explore(Lab.valueOf(name), processes, options, 1);
        assertTrue(report.complete(), report.toString());
        assertSameOnAnyThreads(Lab.valueOf(name), processes, options);
    }

    @ParameterizedTest
    @CsvSource({"EX3, 2", "EX5_FIXED, 2"})
    void plainDfsReportsTheSameOnAnyNumberOfThreads(String name, int processes) {
        assertSameOnAnyThreads(Lab.valueOf(name), processes, ExploreOptions.defaults().withDpor(false));
    }

    @ParameterizedTest
    @CsvSource({"EX1, 2, 2", "EX4, 2, 1", "EX5, 3, 2"})
    void boundedDfsReportsTheSameOnAnyNumberOfThreads(String name, int processes, int preemptions) {
        assertSameOnAnyThreads(Lab.valueOf(name), processes,
                ExploreOptions.defaults().withPreemptionBound(preemptions));
    }

    @ParameterizedTest
    @CsvSource({"EX1, 2, true, 40", "EX5, 3, true, 25", "EX5, 2, false, 300", "EX5, 3, false, 1"})
    void aBudgetCutsTheSameSchedulesOnAnyNumberOfThreads(String name, int processes, boolean dpor, long budget) {
        ExploreOptions options = ExploreOptions.defaults().withDpor(dpor).withMaxSchedules(budget);
        ExplorationReport report = explore(Lab.valueOf(name), processes, options, 1);
        assertEquals(budget, report.schedules(), report.toString());
        assertSameOnAnyThreads(Lab.valueOf(name), processes, options);
    }

    @ParameterizedTest
    @CsvSource({"EX1, 2, true", "EX5, 3, true", "EX5, 2, false"})
    void stoppingAtTheFirstFailureStopsAtTheSameScheduleOnAnyNumberOfThreads(String name, int processes, boolean dpor) {
        ExploreOptions options = ExploreOptions.defaults().withDpor(dpor).withStopAtFirstFailure(true);
        ExplorationReport report = explore(Lab.valueOf(name), processes, options, 1);
        assertEquals(1, report.failing(), report.toString());
        assertSameOnAnyThreads(Lab.valueOf(name), processes, options);
    }
}
