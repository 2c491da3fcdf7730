package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.sim.sched.ToyWorld.ToySimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** Two processes taking two locks in opposite orders: a deadlock under some schedules. */
    static ToySimulation opposedLocks() {
        return new ToySimulation(i -> p -> {
            int first = i % 2;
            p.lock(first);
            p.lock(1 - first);
            p.unlock(1 - first);
            p.unlock(first);
            return 0;
        });
    }

    /** The same, both in one order: never a deadlock. */
    static ToySimulation orderedLocks() {
        return new ToySimulation(i -> p -> {
            p.lock(0);
            p.lock(1);
            p.unlock(1);
            p.unlock(0);
            return 0;
        });
    }

    @Test
    void everyStrategyFindsTheDeadlockAndItsTokenReplaysToIt() {
        for (StrategyKind kind : StrategyKind.values()) {
            ExploreOptions options = ExploreOptions.defaults().withStrategy(kind).withMaxSchedules(2_000).withSeed(11);
            ExplorationReport report = Explorer.explore(opposedLocks(), 2, options, ProgressListener.NONE);
            assertTrue(report.count(Outcome.DEADLOCK) > 0, kind + ": " + report);
            ScheduledRun replayed = Replayer.replay(opposedLocks(), report.shortestFailing());
            assertEquals(Outcome.DEADLOCK, replayed.outcome(), kind.userName());
            assertEquals(report.shortestFailingSteps(), replayed.steps());
        }
    }

    @Test
    void exhaustiveSearchFinishesAndCountsTheDeadlockingSchedules() {
        ExplorationReport report = Explorer.explore(opposedLocks(), 2,
                ExploreOptions.defaults().withPreemptionBound(100), ProgressListener.NONE);
        assertTrue(report.complete());
        assertEquals(report.schedules(), report.count(Outcome.CLEAN) + report.count(Outcome.DEADLOCK));
        assertTrue(report.count(Outcome.DEADLOCK) > 0 && report.count(Outcome.CLEAN) > 0, report.toString());
        ExplorationReport again = Explorer.explore(opposedLocks(), 2,
                ExploreOptions.defaults().withPreemptionBound(100), ProgressListener.NONE);
        assertEquals(report, again, "an exhaustive search is the same every time");
    }

    @Test
    void locksTakenInOneOrderExploreClean() {
        ExplorationReport report = Explorer.explore(orderedLocks(), 2,
                ExploreOptions.defaults().withPreemptionBound(3), ProgressListener.NONE);
        assertTrue(report.complete());
        assertEquals(0, report.failing());
        assertEquals(null, report.firstFailing());
    }

    @Test
    void theShortestFailingScheduleIsNoLongerThanTheFirst() {
        ExplorationReport report = Explorer.explore(opposedLocks(), 2,
                ExploreOptions.defaults().withStrategy(StrategyKind.RANDOM).withMaxSchedules(500), ProgressListener.NONE);
        assertNotNull(report.firstFailing());
        long firstSteps = Replayer.replay(opposedLocks(), report.firstFailing()).steps();
        assertTrue(report.shortestFailingSteps() <= firstSteps);
    }

    @Test
    void progressIsReportedWhileItRunsAndAtTheEnd() {
        List<Long> seen = new ArrayList<>();
        ExplorationReport report = Explorer.explore(orderedLocks(), 2, ExploreOptions.defaults()
                .withStrategy(StrategyKind.RANDOM).withMaxSchedules(250).withProgressEvery(100),
                soFar -> seen.add(soFar.schedules()));
        assertEquals(List.of(100L, 200L, 250L), seen);
        assertFalse(report.complete());
    }

    @Test
    void theSameSeedGivesTheSameExploration() {
        for (StrategyKind kind : List.of(StrategyKind.RANDOM, StrategyKind.PCT)) {
            ExploreOptions options = ExploreOptions.defaults().withStrategy(kind).withMaxSchedules(300).withSeed(99);
            assertEquals(Explorer.explore(opposedLocks(), 2, options, ProgressListener.NONE),
                    Explorer.explore(opposedLocks(), 2, options, ProgressListener.NONE));
        }
    }

    @Test
    void stoppingAtTheFirstFailureRunsNoFurther() {
        ExplorationReport report = Explorer.explore(opposedLocks(), 2,
                ExploreOptions.defaults().withStopAtFirstFailure(true), ProgressListener.NONE);
        assertEquals(1, report.failing());
        assertEquals(report.firstFailing(), report.shortestFailing());
    }
}
