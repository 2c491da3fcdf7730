package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Syscall;
import io.shmlab.labs.CounterRace;
import io.shmlab.labs.Exercise5;
import io.shmlab.labs.Exercise5Fixed;
import io.shmlab.sim.ProgramSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 4's "Done when" for scheduling: the course's Exercise 5, its fix and Exercise 1's counter race
 * (the labs' own programs) on the real simulated kernel.
 */
class Exercise5ScheduleTest {

    private static final ProgramSpec EXERCISE_5_SPEC = ProgramSpec.of(Exercise5.class);
    private static final ProgramSimulation EXERCISE_5 = new ProgramSimulation(EXERCISE_5_SPEC);
    private static final ProgramSimulation FIXED = new ProgramSimulation(ProgramSpec.of(Exercise5Fixed.class));
    private static final ProgramSimulation COUNTER = new ProgramSimulation(ProgramSpec.of(CounterRace.class));

    private static ExploreOptions options(StrategyKind kind) {
        return ExploreOptions.defaults().withStrategy(kind).withMaxSchedules(5_000).withSeed(2024);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void exercise5DeadlockIsFoundByEveryStrategy(StrategyKind kind) {
        ExplorationReport report = Explorer.explore(EXERCISE_5, 2, options(kind), ProgressListener.NONE);
        assertTrue(report.count(Outcome.DEADLOCK) > 0, report.toString());
        assertNotNull(report.firstFailing());
        ScheduledRun run = Replayer.replay(EXERCISE_5, report.shortestFailing());
        assertEquals(Outcome.DEADLOCK, run.outcome());
        ProcessOutcome blocked = run.report().processes().stream()
                .filter(p -> p.ending() instanceof Ending.Blocked).findFirst().orElseThrow();
        assertTrue(((Ending.Blocked) blocked.ending()).call().startsWith("sem_wait("), blocked.toString());
        assertTrue(run.trace().ending().contains("is blocked in sem_wait("), run.trace().ending());
    }

    @Test
    void exercise5DeadlockTokenReplaysToTheIdenticalTrace100TimesInARow() {
        ExplorationReport report = Explorer.explore(EXERCISE_5, 2, options(StrategyKind.DFS), ProgressListener.NONE);
        String token = report.firstFailing();
        ScheduledRun first = Replayer.replay(EXERCISE_5, token);
        assertEquals(Outcome.DEADLOCK, first.outcome());
        assertTrue(first.trace().steps().size() > 10, first.trace().toString());
        for (int i = 0; i < 100; i++) {
            ScheduledRun again = Replayer.replay(EXERCISE_5, token);
            assertEquals(first.trace(), again.trace(), "replay " + i);
            assertEquals(first.report(), again.report(), "replay " + i);
        }
    }

    @Test
    void exercise5DeadlockIsTheLostWakeupOfSemInitOverAWaiter() {
        ExplorationReport report = Explorer.explore(EXERCISE_5, 2, options(StrategyKind.DFS), ProgressListener.NONE);
        ScheduledRun run = Replayer.replay(EXERCISE_5, report.shortestFailing());
        assertTrue(run.trace().warnings().stream().anyMatch(w -> w.contains("sem_init")), run.trace().warnings().toString());
        String timeline = Timeline.render(run.trace(), 200);
        assertTrue(timeline.contains("sem_wait(") && timeline.contains("~~ blocks"), timeline);
        assertTrue(timeline.contains("\"I'm alone here!\\n\""), "a printed newline stays on its row: " + timeline);
    }

    @Test
    void exhaustiveSearchOfExercise5WithTwoProcessesFinishesAndCountsItsDeadlocks() {
        ExploreOptions all = ExploreOptions.defaults().withPreemptionBound(1_000).withMaxSchedules(1_000_000);
        ExplorationReport report = Explorer.explore(EXERCISE_5, 2, all, ProgressListener.NONE);
        assertTrue(report.complete(), report.toString());
        assertTrue(report.count(Outcome.DEADLOCK) > 0, report.toString());
        assertTrue(report.count(Outcome.CLEAN) > 0, report.toString());
        assertEquals(report.schedules(), report.count(Outcome.DEADLOCK) + report.count(Outcome.CLEAN), report.toString());
        assertEquals(report, Explorer.explore(EXERCISE_5, 2, all, ProgressListener.NONE), "the same every time");
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void fixedExercise5HasNoFailingScheduleWithinTheBound(StrategyKind kind) {
        ExplorationReport report = Explorer.explore(FIXED, 2, options(kind), ProgressListener.NONE);
        assertEquals(0, report.failing(), report.toString());
        assertNull(report.firstFailing());
        if (kind == StrategyKind.DFS) {
            assertTrue(report.complete(), report.toString());
        }
    }

    @Test
    void counterRaceOnPlainMemoryLosesUpdatesUnderSomeScheduleAndNotUnderOthers() {
        ExploreOptions perAccess = ExploreOptions.defaults().withPerAccess(true).withPreemptionBound(2);
        ExplorationReport report = Explorer.explore(COUNTER, 2, perAccess, ProgressListener.NONE);
        assertTrue(report.complete(), report.toString());
        assertTrue(report.count(Outcome.FAILED_ASSERTION) > 0, report.toString());
        assertTrue(report.count(Outcome.CLEAN) > 0, report.toString());
        ScheduledRun lost = Replayer.replay(COUNTER, report.firstFailing());
        assertTrue(lost.report().processes().stream().anyMatch(p -> p.output().contains("lost update")),
                lost.report().toString());
        assertTrue(lost.trace().steps().stream().anyMatch(s -> s.kind() == Step.Kind.ACCESS));
    }

    @Test
    void counterRaceIsInvisibleAtSyscallGranularity() {
        ExplorationReport report = Explorer.explore(COUNTER, 2,
                ExploreOptions.defaults().withPreemptionBound(1_000), ProgressListener.NONE);
        assertTrue(report.complete());
        assertEquals(0, report.failing(), report.toString());
    }

    @Test
    void aSeededRunOfTheMachineReportsATokenThatReplaysIt() {
        int deadlocks = 0;
        for (long seed = 0; seed < 40; seed++) {
            io.shmlab.api.RunReport report;
            try (io.shmlab.sim.SimMachine machine = io.shmlab.sim.SimMachine.builder().seed(seed).build()) {
                report = machine.run(EXERCISE_5_SPEC, io.shmlab.api.RunOptions.of(2).withSeed(seed));
            }
            assertNotNull(report.schedule());
            ScheduledRun replayed = Replayer.replay(EXERCISE_5, report.schedule());
            assertEquals(report, replayed.report(), "seed " + seed);
            if (report.blocked()) {
                deadlocks++;
                assertInstanceOf(Ending.Blocked.class, report.processes().stream()
                        .map(ProcessOutcome::ending).filter(Ending::failed).findFirst().orElseThrow());
            }
        }
        assertTrue(deadlocks > 0, "some seed deadlocks");
    }

    @Test
    void randomAndPctTokensAreShortAndReplayTheirSchedule() {
        for (StrategyKind kind : java.util.List.of(StrategyKind.RANDOM, StrategyKind.PCT)) {
            ExplorationReport report = Explorer.explore(EXERCISE_5, 2, options(kind), ProgressListener.NONE);
            Schedule schedule = Schedule.decode(report.firstFailing());
            assertNotNull(schedule.generator(), kind.userName());
            // the schedule itself, without the program's name and arguments the token records
            assertTrue(schedule.foundFor(null).encode().length() < 24, report.firstFailing());
            ScheduledRun run = Replayer.replay(EXERCISE_5, report.firstFailing());
            assertEquals(Outcome.DEADLOCK, run.outcome());
            assertEquals(report.firstFailing(), run.token(), "a replay reports the token it replays");
        }
    }

    @Test
    void aForkedChildAndItsWaitingParentExploreCleanInEveryOrder() {
        ProgramSpec spec = ProgramSpec.of(io.shmlab.sim.sched.programs.ForkAndWait.class);
        ExplorationReport report = Explorer.explore(new ProgramSimulation(spec), 1, ExploreOptions.defaults().withPreemptionBound(1_000),
                ProgressListener.NONE);
        assertTrue(report.complete(), report.toString());
        assertTrue(report.schedules() > 1, report.toString());
        assertEquals(0, report.failing(), report.toString());
        java.util.Set<String> outputs = new java.util.TreeSet<>();
        RandomStrategy random = new RandomStrategy(4);
        try (Scheduler scheduler = new Scheduler()) {
            for (int i = 0; i < 50; i++) {
                random.beginSchedule();
                ScheduledRun run = scheduler.run(new ProgramSimulation(spec), RunSettings.of(1), random);
                assertEquals(java.util.List.of("A", "B"), run.trace().labels());
                outputs.add(run.trace().steps().stream().filter(s -> s.call() == Syscall.WRITE)
                        .map(Step::process).reduce("", String::concat));
            }
        }
        assertEquals(java.util.Set.of("AB", "BA"), outputs, "parent and child print in either order");
    }

    @Test
    void aScheduledRunHasNoTerminalSoReadingInputEndsAtOnce() {
        ProgramSpec spec = ProgramSpec.of(io.shmlab.sim.sched.programs.ReadsInput.class);
        ExplorationReport report = Explorer.explore(new ProgramSimulation(spec), 2, ExploreOptions.defaults(),
                ProgressListener.NONE);
        assertEquals(0, report.failing(), report.toString());
        try (io.shmlab.sim.SimMachine machine = io.shmlab.sim.SimMachine.builder().build()) {
            io.shmlab.api.RunReport run = machine.run(spec, io.shmlab.api.RunOptions.of(1));
            assertEquals("0 lines\n", run.processes().get(0).output());
        }
    }
}
