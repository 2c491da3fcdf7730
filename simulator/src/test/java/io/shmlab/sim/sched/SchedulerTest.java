package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import io.shmlab.sim.sched.ToyWorld.ToySimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final Scheduler scheduler = new Scheduler();

    @AfterEach
    void close() {
        scheduler.close();
    }

    private static final ToySimulation COUNTER = new ToySimulation(i -> p -> {
        int v = p.load(0);
        p.store(0, v + 1);
        return 0;
    });

    private static ToySimulation opposedLocks() {
        return new ToySimulation(i -> p -> {
            int first = i % 2;
            p.lock(first);
            p.lock(1 - first);
            p.print("in both\n");
            p.unlock(1 - first);
            p.unlock(first);
            return 0;
        });
    }

    private List<ScheduledRun> exhaust(Simulation sim, RunSettings settings, Strategy strategy) {
        List<ScheduledRun> runs = new ArrayList<>();
        while (strategy.beginSchedule()) {
            ScheduledRun run = scheduler.run(sim, settings, strategy);
            if (!strategy.lastScheduleRepeated()) {
                runs.add(run);
            }
        }
        return runs;
    }

    @Test
    void counterRaceLosesAnUpdateUnderSomeScheduleAndNotUnderOthers() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            int v = p.load(0);
            p.store(0, v + 1);
            return 0;
        });
        RunSettings settings = RunSettings.of(2).with(Granularity.ACCESS);
        DfsStrategy dfs = new DfsStrategy(10);
        TreeSet<Integer> finals = new TreeSet<>();
        int runs = 0;
        while (dfs.beginSchedule()) {
            scheduler.run(sim, settings, dfs);
            finals.add(sim.last.memory[0]);
            if (!dfs.lastScheduleRepeated()) {
                runs++;
            }
        }
        assertEquals(List.of(1, 2), List.copyOf(finals));
        // each process: start->load, load->store, store->end: C(6,3) interleavings
        assertEquals(20, runs);
    }

    @Test
    void syscallGranularityDoesNotStopAtMemoryAccesses() {
        DfsStrategy dfs = new DfsStrategy(10);
        List<ScheduledRun> runs = exhaust(COUNTER, RunSettings.of(2), dfs);
        assertEquals(2, runs.size(), "only who starts first is a choice");
        assertEquals(2, COUNTER.last.memory[0]);
    }

    @Test
    void preemptionBoundZeroRunsOnlyTheNonPreemptiveSchedules() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            p.yield();
            return 0;
        });
        assertEquals(6, exhaust(sim, RunSettings.of(2), new DfsStrategy(5)).size());
        assertEquals(2, exhaust(sim, RunSettings.of(2), new DfsStrategy(0)).size());
    }

    @Test
    void opposedLocksDeadlockUnderSomeScheduleWithTheBlockedCallsReported() {
        List<ScheduledRun> runs = exhaust(opposedLocks(), RunSettings.of(2), new DfsStrategy(2));
        ScheduledRun deadlock = runs.stream().filter(r -> r.outcome() == Outcome.DEADLOCK).findFirst().orElseThrow();
        assertTrue(runs.stream().anyMatch(r -> r.outcome() == Outcome.CLEAN));
        for (var p : deadlock.report().processes()) {
            Ending.Blocked b = assertInstanceOf(Ending.Blocked.class, p.ending());
            assertTrue(b.call().startsWith("sem_wait(&cell["), b.call());
        }
        assertTrue(deadlock.trace().ending().contains("A (pid 100) is blocked in sem_wait(&cell[1])"),
                deadlock.trace().ending());
        assertTrue(deadlock.report().blocked());
    }

    @Test
    void replayingATokenReproducesTheTraceTheOutcomeAndTheFinalMemory() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            int first = i % 2;
            p.lock(first);
            p.store(2, p.load(2) * 3 + i + 1);
            p.lock(1 - first);
            p.store(3, p.load(3) * 3 + i + 1);
            p.unlock(1 - first);
            p.unlock(first);
            return 0;
        });
        RandomStrategy random = new RandomStrategy(42);
        java.util.Set<String> memories = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            random.beginSchedule();
            ScheduledRun run = scheduler.run(sim, RunSettings.of(2).with(Granularity.ACCESS), random);
            int[] memory = sim.last.memory.clone();
            memories.add(java.util.Arrays.toString(memory));
            for (String token : List.of(run.token(), new Schedule(Granularity.ACCESS, 2, 0, run.schedule().stepLimit(),
                    run.schedule().toChoices()).encode())) {
                Strategy replay = Schedule.decode(token).replayStrategy();
                replay.beginSchedule();
                ScheduledRun again = scheduler.run(sim, RunSettings.of(Schedule.decode(token)), replay);
                assertEquals(run.trace(), again.trace());
                assertEquals(run.report().processes(), again.report().processes());
                assertEquals(token, again.token(), "a replay reports the token it replays");
                assertEquals(run.outcome(), again.outcome());
                assertEquals(java.util.Arrays.toString(memory), java.util.Arrays.toString(sim.last.memory));
            }
        }
        assertTrue(memories.size() > 2, "the schedules differ in what they leave in memory: " + memories);
    }

    @Test
    void theVirtualClockJumpsToTheEarliestDeadlineWhenEveryoneIsBlocked() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            if (i == 0) {
                p.sleep(1_000_000_000L);
                p.up(0);
                return 0;
            }
            boolean early = p.timedDown(0, 500_000_000L);
            boolean late = p.timedDown(0, 2_000_000_000L);
            return (early ? 1 : 0) + (late ? 0 : 2);
        });
        RandomStrategy random = new RandomStrategy(1);
        random.beginSchedule();
        ScheduledRun run = scheduler.run(sim, RunSettings.of(2), random);
        assertEquals(Outcome.CLEAN, run.outcome(), run.trace().toString());
        Step timedOut = run.trace().steps().stream()
                .filter(s -> s.kind() == Step.Kind.RESUMED && s.timedOut()).findFirst().orElseThrow();
        assertEquals(VirtualClock.EPOCH_NANOS + 500_000_000L, timedOut.clockNanos());
        Step woken = run.trace().steps().stream()
                .filter(s -> s.kind() == Step.Kind.RESUMED && "A".equals(s.wokenBy())).findFirst().orElseThrow();
        assertEquals(VirtualClock.EPOCH_NANOS + 1_000_000_000L, woken.clockNanos());
    }

    @Test
    void aSpinningProcessIsStoppedAtTheStepLimit() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            while (p.load(1) == 0) {
                p.yield();
            }
            return 0;
        });
        RandomStrategy random = new RandomStrategy(1);
        random.beginSchedule();
        ScheduledRun run = scheduler.run(sim, RunSettings.of(2).withStepLimit(500), random);
        assertEquals(Outcome.STEP_LIMIT, run.outcome());
        assertEquals(500, run.steps());
        Ending.Killed killed = assertInstanceOf(Ending.Killed.class, run.report().processes().get(0).ending());
        assertEquals(Signal.SIGKILL, killed.signal());
    }

    @Test
    void processThreadsAreReusedAcrossSchedules() {
        RandomStrategy random = new RandomStrategy(7);
        for (int i = 0; i < 200; i++) {
            random.beginSchedule();
            scheduler.run(opposedLocks(), RunSettings.of(2), random);
        }
        assertTrue(scheduler.threadsCreated() <= 4, "threads created: " + scheduler.threadsCreated());
    }

    @Test
    void aTokenForAnotherProgramIsRefused() {
        RandomStrategy random = new RandomStrategy(3);
        random.beginSchedule();
        ScheduledRun run = scheduler.run(opposedLocks(), RunSettings.of(2), random);
        ToySimulation other = new ToySimulation(i -> p -> 0);
        // an explicit token of the locks program, replayed on a program that ends at once
        ReplayStrategy replay = new ReplayStrategy(new Schedule(run.schedule().granularity(), 2, 0,
                run.schedule().stepLimit(), new int[] {0, 1, 1, 0, 1}));
        replay.beginSchedule();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scheduler.run(other, RunSettings.of(run.schedule()), replay));
        assertTrue(e.getMessage().contains("not a schedule of this program"), e.getMessage());
        assertFalse(other.last == null);
    }
}
