package io.shmlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.WorldState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    private static ScheduledRun ex5Deadlock() {
        ProgramSimulation ex5 = new ProgramSimulation(Labs.course().byId("ex5").orElseThrow().spec(LabSettings.defaults()));
        String token = Explorer.explore(ex5, 2, ExploreOptions.defaults(), ProgressListener.NONE).shortestFailing();
        return Replayer.replay(ex5, token);
    }

    @Test
    void theBlockingStepOfEx5SeesTheSemaphoreAtZeroWithOneWaiter() {
        ScheduledRun run = ex5Deadlock();
        Step blocked = run.trace().steps().stream().filter(s -> s.kind() == Step.Kind.BLOCKED && s.process().equals("B"))
                .findFirst().orElseThrow();
        WorldState state = run.trace().state(blocked.index());
        assertEquals(List.of(new WorldState.SemaphoreState("/myData+0", 0, 1)), state.semaphores());
        assertEquals(List.of(0L), state.objects().get(0).touched().get("B"));
        assertTrue(run.trace().source(blocked.index()).file().startsWith("Exercise5"));
    }

    @Test
    void theJsonIsVersionedAndCarriesStepsStatesAndEndings() {
        ScheduledRun run = ex5Deadlock();
        String json = new TraceJson(new SourceLines(List.of(Path.of("nowhere"))))
                .write(new ScheduleView("ex5", run.token(), run.trace(), run.report(), run.outcome()));
        assertTrue(json.startsWith("{\"schema\":\"shmlab-trace/1\",\"program\":\"ex5\""), json);
        assertTrue(json.contains("\"kind\":\"blocked\",\"call\":\"sem_wait\",\"syscall\":\"SEM_WAIT\""), json);
        assertTrue(json.contains("{\"name\":\"/myData+0\",\"value\":0,\"waiters\":1}"), json);
        assertTrue(json.contains("\"outcome\":\"deadlock\",\"failed\":true"), json);
        assertFalse(json.contains("<"), "safe inside a script element");
    }

    @Test
    void explorationRecordsNoState() {
        ProgramSimulation ex5 = new ProgramSimulation(Labs.course().byId("ex5").orElseThrow().spec(LabSettings.defaults()));
        ScheduledRun untraced;
        try (io.shmlab.sim.sched.Scheduler scheduler = new io.shmlab.sim.sched.Scheduler()) {
            io.shmlab.sim.sched.RandomStrategy strategy = new io.shmlab.sim.sched.RandomStrategy(1);
            strategy.beginSchedule();
            untraced = scheduler.run(ex5, io.shmlab.sim.sched.RunSettings.of(2).traced(false), strategy);
        }
        assertTrue(untraced.trace().steps().isEmpty() && untraced.trace().states().isEmpty());
    }

    @Test
    void thePageEmbedsTheJsonAndNeedsNoNetwork() {
        String page = SchedulePage.exported("{\"schema\":\"shmlab-trace/1\"}");
        assertTrue(page.contains("{\"schema\":\"shmlab-trace/1\"}"));
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing fetched from a network");
        assertTrue(SchedulePage.live().contains("var MODE = \"live\""));
    }
}
