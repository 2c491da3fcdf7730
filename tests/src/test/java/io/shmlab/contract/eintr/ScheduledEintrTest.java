package io.shmlab.contract.eintr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Syscall;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.RandomStrategy;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Scheduler;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.Timeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spurious EINTR in scheduled runs: the interrupted wait and glibc's retry are steps of the trace, so
 * the schedule's token records that EINTR was on, and replaying the token gives the same timeline.
 */
class ScheduledEintrTest {

    /** A waits on a semaphore; B sleeps, so that A surely waits, then posts it. */
    public static final class WaitAndPost implements Program {
        @Override
        public int main(Os os) {
            Semaphore s = os.semOpen("/eintr", OpenFlags.O_CREAT, 0600, 0);
            if (os.pid() % 2 == 0) {
                os.semWait(s);
                os.println("A got it");
            } else {
                os.sleep(Duration.ofMillis(5));
                os.semPost(s);
            }
            return 0;
        }
    }

    private static final ProgramSimulation SIMULATION = new ProgramSimulation(ProgramSpec.of(WaitAndPost.class));

    private static ScheduledRun runWithEintr(long seed) {
        RandomStrategy random = new RandomStrategy(seed);
        random.beginSchedule();
        try (Scheduler scheduler = new Scheduler()) {
            return scheduler.run(SIMULATION, RunSettings.of(2).withSpuriousEintr(true), random);
        }
    }

    @Test
    void glibcsRetryAfterAnInterruptedWaitIsAStepOfItsOwn() {
        List<Step> steps = runWithEintr(1).trace().stepsOf("A");
        int interrupted = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).call() == Syscall.SEM_WAIT && "-1 EINTR".equals(steps.get(i).result())) {
                interrupted = i;
                break;
            }
        }
        assertTrue(interrupted >= 0, "no interrupted sem_wait in " + steps);
        Step retry = steps.get(interrupted + 1);
        assertEquals(Syscall.SEM_WAIT, retry.call(), "the retry comes next: " + steps);
        assertEquals(Step.Kind.BLOCKED, retry.kind(), "and waits, since the next wait is not interrupted");
    }

    @Test
    void aScheduleWithEintrReplaysIdenticallyFromItsToken() {
        for (long seed = 0; seed < 5; seed++) {
            ScheduledRun run = runWithEintr(seed);
            assertEquals(Outcome.CLEAN, run.outcome(), run.trace().toString());
            assertTrue(Schedule.decode(run.token()).spuriousEintr(), "the token records EINTR");
            String timeline = Timeline.render(run.trace());
            assertEquals(timeline, Timeline.render(Replayer.replay(SIMULATION, run.token()).trace()));
            Schedule explicit = new Schedule(run.schedule().granularity(), 2, run.schedule().seed(),
                    run.schedule().stepLimit(), true, run.schedule().toChoices(), null);
            assertEquals(timeline, Timeline.render(Replayer.replay(SIMULATION, explicit.encode()).trace()),
                    "the same choices, listed");
        }
    }

    @Test
    void withoutTheFlagTheSameChoicesMakeNoInterruptedStep() {
        ScheduledRun run = runWithEintr(2);
        Schedule off = new Schedule(run.schedule().granularity(), 2, run.schedule().seed(),
                run.schedule().stepLimit(), false, new int[0], Schedule.Generator.random(2, 0));
        ScheduledRun plain = Replayer.replay(SIMULATION, off.encode());
        assertTrue(plain.trace().steps().stream().noneMatch(s -> "-1 EINTR".equals(s.result())), plain.trace().toString());
    }
}
