package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The races of the course reproduced from the command line on the simulator: found by explore with a
 * printed token, replayed to the same timeline every time; the fixed program explored clean.
 */
class SimExplorationTest {
    private static final Pattern REPLAY = Pattern.compile("shmlab replay (\\S+) (\\S+)");

    private static String token(Shmlab.Result r) {
        Matcher m = REPLAY.matcher(r.out());
        assertTrue(m.find(), r::toString);
        return m.group(2);
    }

    @Test
    void exploringExercise5FindsTheLostWakeupAndItsTokenReplaysToADeadlock() {
        Shmlab.Result explored = Shmlab.run("explore", "ex5", "--procs=2");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().matches("(?s).*\\n  deadlock\\s+\\d+\\n.*"), explored::toString);
        assertTrue(explored.out().contains("(complete)"), explored::toString);
        String token = token(explored);

        Shmlab.Result replayed = Shmlab.run("replay", "ex5", token);
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains("sem_wait("), replayed::toString);
        assertTrue(replayed.out().contains("~~ blocks"), replayed::toString);
        assertTrue(replayed.out().contains("sem_init("), replayed::toString);
        assertTrue(replayed.out().contains("blocked forever in sem_wait"), replayed::toString);
        assertTrue(replayed.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), replayed::toString);
    }

    @Test
    void aSeededRunOfExercise5PrintsATokenThatReplaysTheSameDeadlock() {
        Shmlab.Result run = Shmlab.run("run", "ex5", "--procs=2", "--seed=0");
        assertEquals(ExitCodes.FAILED, run.status(), run::toString);
        assertTrue(run.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), run::toString);
        assertEquals(run.out(), Shmlab.run("run", "ex5", "--procs=2", "--seed=0").out(), "the same seed, the same run");

        Shmlab.Result replayed = Shmlab.run("replay", "ex5", token(run));
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        String report = run.out().substring(run.out().indexOf("A (pid"), run.out().indexOf("schedule: "));
        assertTrue(replayed.out().endsWith(report), "replay ends with the run's own report: " + replayed + "\n" + report);
    }

    @Test
    void replayingATokenGivesTheSameTimelineEveryTime() {
        String token = token(Shmlab.run("explore", "ex5", "--stop-at-first"));
        String first = Shmlab.run("replay", "ex5", token).out();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, Shmlab.run("replay", "ex5", token).out());
        }
    }

    @Test
    void theFixedExercise5IsCleanUnderEverySchedule() {
        Shmlab.Result r = Shmlab.run("explore", "ex5-fixed", "--procs=2");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("no failing schedule found"), r::toString);
        assertTrue(r.out().contains("(complete)"), r::toString);
    }

    @Test
    void exercise1sCounterLosesAnUpdateUnderSomeScheduleAndTheTokenShowsIt() {
        Shmlab.Result explored = Shmlab.run("explore", "ex1", "--procs=2");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().contains("switching at every system call and memory access"), explored::toString);
        assertTrue(explored.out().matches("(?s).*\\n  failed assertion\\s+\\d+\\n.*"), explored::toString);
        assertTrue(explored.out().matches("(?s).*\\n  clean\\s+\\d+\\n.*"), "some schedules are clean: " + explored);

        Shmlab.Result replayed = Shmlab.run("replay", "ex1", token(explored));
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains("lost update: counter is 1 after 2 increments of 1"), replayed::toString);
        assertTrue(replayed.out().contains("load 4 bytes"), replayed::toString);
    }

    @Test
    void exercise1sCounterRaceIsInvisibleWhenOnlySystemCallsSwitch() {
        Shmlab.Result r = Shmlab.run("explore", "ex1", "--no-per-access");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("no failing schedule found"), r::toString);
    }

    @Test
    void randomAndPctStrategiesFindTheLostWakeupToo() {
        for (String strategy : new String[] {"random", "pct"}) {
            Shmlab.Result r = Shmlab.run("explore", "ex5", "--strategy=" + strategy, "--max-schedules=2000", "--seed=7", "--stop-at-first");
            assertEquals(ExitCodes.FAILED, r.status(), r::toString);
            assertTrue(r.out().contains("shmlab replay ex5 "), r::toString);
        }
    }

    @Test
    void aTokenThatIsNotOneIsOneLine() {
        Shmlab.Result r = Shmlab.run("replay", "ex5", "not-a-token");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("shmlab: cannot replay 'not-a-token' on ex5: "), r::toString);
    }

    @Test
    void anUnknownStrategyIsOneLine() {
        Shmlab.Result r = Shmlab.run("explore", "ex5", "--strategy=bfs");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("unknown strategy 'bfs'"), r::toString);
    }

    @Test
    void theStudentCanScheduleExercise5IntoItsDeadlock() {
        // A starts and creates /myData; B starts, finds it and waits on the zeroed sem_t; then A runs alone.
        String script = "A\nA\nB\nB\nB\nB\nB\nB\n" + "\n".repeat(20);
        Shmlab.Result r = Shmlab.withInput(script, "step", "ex5");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("B sem_wait(") && r.out().contains(" blocks"), r::toString);
        assertTrue(r.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), r::toString);
        assertTrue(r.out().contains("this run's schedule: "), r::toString);
    }

    @Test
    void theStudentIsToldWhoMayRun() {
        Shmlab.Result r = Shmlab.withInput("Z\nq\n", "step", "ex5");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("'Z' may not run now"), r::toString);
        assertTrue(r.out().contains("  A next: start"), r::toString);
    }

    @Test
    void theDemoFindsTheLostWakeupThenTheFixRunsClean() {
        Shmlab.Result r = Shmlab.run("demo");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*1\\. .*deadlock.*2\\. The shortest failing schedule.*~~ blocks.*3\\. Fixed.*never blocks.*"), r::toString);
    }

    /**
     * {@code run} on the simulator (processes on real threads). Labs that block are run here in one
     * process, or in processes that never wait on each other: which waiter wins on real threads is
     * not deterministic, and the interleavings themselves are covered by exploration above.
     */
    @Test
    void exercisesRunInSimulatedProcesses() {
        String[][] runs = {{"ex2", "--procs=3"}, {"ex4", "--procs=1"}, {"ex5-fixed", "--procs=1"}, {"ex3", "--procs=1"}};
        for (String[] run : runs) {
            Shmlab.Result r = Shmlab.run("run", run[0], run[1]);
            String procs = run[1].substring("--procs=".length());
            if (run[0].equals("ex3")) {
                // alone, the creator waits for a post that never comes: the simulator sees the deadlock
                assertEquals(ExitCodes.FAILED, r.status(), r::toString);
                assertTrue(r.out().contains("blocked forever in sem_wait(\"/ex3\")"), r::toString);
                continue;
            }
            assertEquals(ExitCodes.OK, r.status(), r::toString);
            assertTrue(r.out().contains("ok: all " + procs + " process(es) exited with status 0"), r::toString);
        }
    }
}
