package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Syscall;
import io.shmlab.sim.sched.ToyWorld.ToySimulation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineEdgeTest {

    private final Scheduler scheduler = new Scheduler();

    @AfterEach
    void close() {
        scheduler.close();
    }

    private ScheduledRun runOnce(Simulation sim, RunSettings settings, long seed) {
        RandomStrategy random = new RandomStrategy(seed);
        random.beginSchedule();
        return scheduler.run(sim, settings, random);
    }

    @Test
    void aForkedChildIsScheduledLikeAnyProcessAndExploredExhaustively() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            p.fork(200, child -> {
                child.store(0, child.load(0) + 1);
                return 0;
            });
            p.store(0, p.load(0) + 1);
            return 0;
        });
        ExplorationReport report = Explorer.explore(sim, 1, ExploreOptions.defaults().withPerAccess(true)
                .withPreemptionBound(10), ProgressListener.NONE);
        assertTrue(report.complete());
        assertEquals(0, report.failing());
        ScheduledRun run = Replayer.replay(sim, report.firstFailing() == null
                ? runOnce(sim, RunSettings.of(1).with(Granularity.ACCESS), 3).token() : report.firstFailing());
        assertEquals(List.of("A", "B"), run.trace().labels());
        assertEquals(List.of(100, 200), run.trace().pids());
        assertTrue(run.trace().stepsOf("B").stream().anyMatch(s -> s.call() == Syscall.STORE));
    }

    @Test
    void warningsAreInTheTraceAndTheTimeline() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            p.misuse("sem_init on a semaphore with waiters");
            return 0;
        });
        ScheduledRun run = runOnce(sim, RunSettings.of(1), 0);
        assertEquals(List.of("A: sem_init on a semaphore with waiters"), run.trace().warnings());
        assertTrue(Timeline.render(run.trace()).contains("! warning, A: sem_init on a semaphore with waiters"));
    }

    @Test
    void aKernelFailureInsideAProcessFailsTheRunWithoutHangingIt() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            if (i == 1) {
                p.yield();
                throw new IllegalStateException("kernel bug");
            }
            p.lock(0);
            p.lock(0);
            return 0;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runOnce(sim, RunSettings.of(2), 1));
        assertTrue(e.getMessage().contains("process B failed inside the simulator"), e.getMessage());
        assertTrue(sim.last.closed);
        // the scheduler is still usable afterwards
        assertEquals(Outcome.CLEAN, runOnce(ExplorerTest.orderedLocks(), RunSettings.of(2), 2).outcome());
    }

    @Test
    void aProgramThatCatchesExceptionsIsStillUnwoundAtADeadlockRunningOnlyItsFinallyBlocks() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            try {
                p.lock(0);
                p.lock(0);
            } catch (RuntimeException e) {
                p.print("caught " + e);
            } finally {
                p.print("finally");
            }
            return 0;
        });
        ScheduledRun run = runOnce(sim, RunSettings.of(1), 0);
        assertEquals(Outcome.DEADLOCK, run.outcome());
        assertEquals("finally", run.report().processes().get(0).output());
        assertEquals(new Ending.Blocked("sem_wait(&cell[0])"), run.report().processes().get(0).ending());
    }

    @Test
    void theTimelineHasOneColumnPerProcessAndMarksABlockedProcessUntilItGoesOn() {
        ToySimulation sim = new ToySimulation(i -> p -> {
            if (i == 0) {
                p.lock(0);
                p.yield();
                p.unlock(0);
            } else {
                p.lock(0);
                p.unlock(0);
            }
            return 0;
        });
        // A takes the lock, B blocks on it, A goes on and releases it, B resumes
        ScheduledRun run = Replayer.replay(sim, new Schedule(Granularity.SYSCALL, 2, 0, 1000,
                new int[] {0, 0, 1, 0}).encode());
        String timeline = Timeline.render(run.trace());
        assertEquals(List.of(
                "#  time     A (pid 100)                       B (pid 101)",
                "0  +0.000s  sem_wait(&cell[0]) = 0",
                "1                                             sem_wait(&cell[0]) ~~ blocks",
                "2           clock_gettime() = 0               :",
                "3           sem_post(&cell[0]) = 0 [wakes B]  :",
                "4           (ends)                            :",
                "5                                             -> sem_wait = 0 [woken by A]",
                "6                                             sem_post(&cell[0]) = 0",
                "7                                             (ends)",
                "every process ended"), timeline.lines().toList());
        assertEquals(List.of("B"), run.trace().steps().get(3).wakes(), "A's unlock woke B: a fact of the step");
        assertEquals("A", run.trace().steps().get(5).wokenBy());
        assertEquals(Syscall.SEM_WAIT.footprint(), run.trace().steps().get(5).footprint());
    }
}
