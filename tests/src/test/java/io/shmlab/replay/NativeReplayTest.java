package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.libc.turns.Verdict;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules found by the simulator, forced on real processes: the real kernel and glibc give the
 * simulator's outcome, every time.
 */
class NativeReplayTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Machine machine;
    private String tag;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        tag = ShmLeakCheck.RUN_TAG + "-replay-" + COUNTER.incrementAndGet();
    }

    @AfterEach
    void nothingIsLeft() {
        if (machine != null) {
            assertEquals(List.of(), machine.listShm().stream().filter(n -> n.contains(tag)).toList());
        }
    }

    private LabSettings settings(String what) {
        return LabSettings.defaults().withName("/" + tag + "-" + what);
    }

    @Test
    void exercise5sDeadlockHangsInTheSameProcessAtTheSameCallTwentyTimesOutOfTwenty() {
        LabSettings settings = settings("ex5");
        String token = ReplayTokens.exercise5Deadlock(settings);
        for (int run = 1; run <= 20; run++) {
            NativeReplay.Replay replay = NativeReplay.replay(Lab.EX5, settings, token, TIMEOUT);
            String where = "run " + run + " of " + token + ": " + replay.real().detail() + "\n" + replay.real().report();
            assertEquals(Verdict.HANG, replay.real().verdict(), where);
            assertSameEndings(replay.simulated().report(), replay.real().report(), where);
            assertEquals(List.of(), machine.listShm().stream().filter(n -> n.contains(tag)).toList());
        }
    }

    @Test
    void exercise5sCleanSchedulesRunClean() {
        LabSettings settings = settings("ex5-clean");
        List<String> tokens = ReplayTokens.random(Lab.EX5, settings, 2, 4, ReplayTokens::clean);
        assertEquals(4, tokens.size(), "clean schedules of Exercise 5: " + tokens);
        for (String token : tokens) {
            NativeReplay.Replay replay = NativeReplay.replay(Lab.EX5, settings, token, TIMEOUT);
            String where = token + ": " + replay.real().detail() + "\n" + replay.real().report();
            assertEquals(Verdict.FOLLOWED, replay.real().verdict(), where);
            assertFalse(replay.real().report().failed(), where);
            assertSameEndings(replay.simulated().report(), replay.real().report(), where);
            assertSameOutput(replay.simulated().report(), replay.real().report(), where);
        }
    }

    @Test
    void theRingBuffersSchedulesGiveTheSameOutputOnBoth() {
        LabSettings settings = settings("ring").withCapacity(2);
        List<String> blocking = ReplayTokens.random(Lab.EX4, settings, 3, 3, ReplayTokens::blocks);
        List<String> any = ReplayTokens.random(Lab.EX4, settings, 3, 2, run -> !ReplayTokens.blocks(run));
        List<String> stolen = ReplayTokens.random(Lab.EX4, settings, 3, 2, ReplayTokens::blocksAgain);
        assertEquals(3, blocking.size(), "ring buffer schedules where a get waits: " + blocking);
        assertEquals(2, stolen.size(), "ring buffer schedules where a woken waiter blocks again: " + stolen);
        for (String token : concat(concat(blocking, stolen), any)) {
            NativeReplay.Replay replay = NativeReplay.replay(Lab.EX4, settings, token, TIMEOUT);
            String where = token + ": " + replay.real().detail() + "\n" + replay.real().report();
            assertEquals(Verdict.FOLLOWED, replay.real().verdict(), where);
            assertSameEndings(replay.simulated().report(), replay.real().report(), where);
            assertSameOutput(replay.simulated().report(), replay.real().report(), where);
        }
    }

    @Test
    void aScheduleOfSingleMemoryAccessesIsRefusedInOneLine() {
        LabSettings settings = settings("ex1");
        String token = new Schedule(Granularity.ACCESS, 2, 0, RunSettings.DEFAULT_STEP_LIMIT, new int[0],
                Schedule.Generator.random(1, 0)).encode();
        NotReplayableException e = assertThrows(NotReplayableException.class,
                () -> NativeReplay.replay(Lab.EX1, settings, token, TIMEOUT));
        assertTrue(e.getMessage().contains("single memory accesses"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Each process ended the same way: the same status, signal, or blocking call (by name; addresses differ). */
    private static void assertSameEndings(RunReport simulated, RunReport real, String where) {
        assertEquals(simulated.processes().size(), real.processes().size(), where);
        for (int i = 0; i < simulated.processes().size(); i++) {
            ProcessOutcome s = simulated.processes().get(i);
            ProcessOutcome r = real.processes().get(i);
            assertEquals(s.label(), r.label(), where);
            if (s.ending() instanceof Ending.Blocked sb) {
                Ending.Blocked rb = assertInstanceOf(Ending.Blocked.class, r.ending(), where);
                assertEquals(callName(sb.call()), callName(rb.call()), where);
            } else {
                assertEquals(s.ending(), r.ending(), where);
            }
        }
    }

    private static void assertSameOutput(RunReport simulated, RunReport real, String where) {
        for (int i = 0; i < simulated.processes().size(); i++) {
            assertEquals(simulated.processes().get(i).output(), real.processes().get(i).output(), where);
        }
    }

    private static String callName(String call) {
        int paren = call.indexOf('(');
        return paren < 0 ? call : call.substring(0, paren);
    }
}
