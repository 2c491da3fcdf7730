package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.ProgramSpec;
import io.shmlab.labs.Exercise5;
import io.shmlab.sim.ProgramSimulation;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepperTest {

    @Test
    void theUserDrivesTheOpposedLocksIntoADeadlock() {
        try (Stepper stepper = Stepper.start(ExplorerTest.opposedLocks(), RunSettings.of(2))) {
            assertEquals(List.of("A", "B"), stepper.enabled().stream().map(Stepper.Choice::label).toList());
            assertEquals("start", stepper.enabled().get(0).nextCall());
            stepper.step(100);
            assertEquals("sem_wait(&cell[0])", stepper.enabled().get(0).nextCall());
            stepper.step(100);
            stepper.step(101);
            stepper.step(101);
            assertEquals("sem_wait(&cell[1])", stepper.enabled().get(0).nextCall());
            assertEquals("sem_wait(&cell[0])", stepper.enabled().get(1).nextCall());
            stepper.step(100);
            assertEquals(1, stepper.enabled().size(), "A blocked");
            stepper.step(101);
            assertTrue(stepper.finished());
            ScheduledRun run = stepper.result();
            assertEquals(Outcome.DEADLOCK, run.outcome());
            assertTrue(run.report().processes().stream().allMatch(p -> p.ending() instanceof Ending.Blocked));
            assertEquals(Outcome.DEADLOCK, Replayer.replay(ExplorerTest.opposedLocks(), run.token()).outcome());
            assertTrue(Timeline.render(run.trace()).contains("~~ blocks"));
        }
    }

    @Test
    void aProcessThatMayNotRunIsRefused() {
        try (Stepper stepper = Stepper.start(ExplorerTest.opposedLocks(), RunSettings.of(2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stepper.step(7));
            assertTrue(e.getMessage().contains("A (pid 100): start"), e.getMessage());
        }
    }

    @Test
    void closingAnUnfinishedSessionStopsItsProcesses() {
        ToyWorld.ToySimulation sim = ExplorerTest.opposedLocks();
        Stepper stepper = Stepper.start(sim, RunSettings.of(2));
        stepper.step(100);
        stepper.step(100);
        stepper.close();
        assertTrue(sim.last.closed);
        assertThrows(IllegalStateException.class, () -> stepper.step(100));
    }

    @Test
    void aUserHoldingBackSemInitUntilTheOtherWaitsReproducesExercise5sLostWakeup() {
        ProgramSimulation spec = new ProgramSimulation(ProgramSpec.of(Exercise5.class));
        try (Stepper stepper = Stepper.start(spec, RunSettings.of(2))) {
            int steps = 0;
            while (!stepper.finished()) {
                List<Stepper.Choice> enabled = stepper.enabled();
                Stepper.Choice a = enabled.stream().filter(c -> c.label().equals("A")).findFirst().orElse(null);
                Stepper.Choice b = enabled.stream().filter(c -> c.label().equals("B")).findFirst().orElse(null);
                boolean holdA = a != null && a.nextCall().startsWith("sem_init") && b != null;
                stepper.step((a != null && !holdA ? a : b).pid());
                assertTrue(++steps < 100, "runs away: " + stepper.trace());
            }
            ScheduledRun run = stepper.result();
            assertEquals(Outcome.DEADLOCK, run.outcome(), run.trace().toString());
            assertEquals(new Ending.Exited(0), run.report().processes().get(0).ending());
            Ending.Blocked b = assertInstanceOf(Ending.Blocked.class, run.report().processes().get(1).ending());
            assertTrue(b.call().startsWith("sem_wait("), b.call());
            assertEquals(run.trace(), Replayer.replay(spec, run.token()).trace());
        }
    }
}
