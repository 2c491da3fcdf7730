package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Semaphore;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabParameter;
import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lab added to the registry is a lab like the course's: one class and one {@link Labs#with}, and
 * every command that takes a lab lists it, runs it, explores, replays and steps it.
 */
class RegisteredLabTest {
    private static final Labs LABS = Labs.course().with(new TakeTurnsLab());

    /** Each process takes the semaphore, says so, and gives it back. */
    public static final class TakeTurns implements Program {
        private final String name;

        /** @param args {@code name} */
        public TakeTurns(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            Semaphore turn = os.semOpen(name, OpenFlags.O_CREAT, 0600, 1);
            os.semWait(turn);
            os.println("my turn");
            os.semPost(turn);
            os.semClose(turn);
            return 0;
        }
    }

    /** The throwaway lab: a named semaphore, taken in turns. */
    static final class TakeTurnsLab implements LabDefinition {
        @Override
        public String id() {
            return "turns";
        }

        @Override
        public String summary() {
            return "every process takes a named semaphore in turn";
        }

        @Override
        public String defaultName() {
            return "/turns";
        }

        @Override
        public boolean raceInMemory() {
            return false;
        }

        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(TakeTurns.class, name(settings));
        }

        @Override
        public Map<LabParameter, String> parameters() {
            return Map.of(LabParameter.DELAY_INIT, "turns: ignored, 100% of the time");
        }

        @Override
        public List<String> sharedNames(LabSettings settings) {
            return List.of();
        }

        @Override
        public List<String> semaphoreNames(LabSettings settings) {
            return List.of(name(settings));
        }
    }

    private static Shmlab.Result shmlab(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
        int status = Main.execute(args, console, LABS);
        return new Shmlab.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void labsListsItAfterTheCourse() {
        Shmlab.Result r = shmlab("", "labs");
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals("ex5-fixed", lines.get(5).split(" ")[0], r::toString);
        assertEquals("turns      every process takes a named semaphore in turn", lines.get(7), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "explore", "step"})
    void theHelpOfEveryLabCommandNamesIt(String command) {
        Shmlab.Result r = shmlab("", command, "--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().replaceAll("\\s+", " ").contains("ex1, ex2, ex3, ex4, ex5, ex5-fixed, shm-full or turns (see shmlab labs)"),
                r::toString);
    }

    @Test
    void itsParameterIsDescribedBesideTheCoursesAndOnlyWhereItIsOffered() {
        String help = shmlab("", "run", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("so the race shows on real processes; turns: ignored, 100% of the time"), help);
        String ex5 = shmlab("", "ex5", "--help").out().replaceAll("\\s+", " ");
        assertTrue(!ex5.contains("turns:") && !ex5.contains("--capacity"), ex5);
    }

    @Test
    void anUnknownLabNamesIt() {
        Shmlab.Result r = shmlab("", "run", "ex9");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("labs are ex1, ex2, ex3, ex4, ex5, ex5-fixed, shm-full, turns"), r::toString);
    }

    @Test
    void itRunsExploresAndReplays() {
        Shmlab.Result run = shmlab("", "run", "turns", "--procs=3", "--seed=7");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().startsWith("running turns in 3 process(es) on sim (seed 7)"), run::toString);
        assertEquals(3, run.out().lines().filter(l -> l.contains("my turn")).count(), run::toString);
        Matcher token = Pattern.compile("replay it: shmlab replay turns (\\S+)").matcher(run.out());
        assertTrue(token.find(), run::toString);

        Shmlab.Result explore = shmlab("", "explore", "Turns", "--procs=2");
        assertEquals(0, explore.status(), explore::toString);
        assertTrue(explore.out().contains("no failing schedule found"), explore::toString);

        Shmlab.Result replay = shmlab("", "replay", "turns", token.group(1));
        assertEquals(0, replay.status(), replay::toString);
        assertTrue(replay.out().startsWith("replaying turns " + token.group(1)), replay::toString);
    }

    @Test
    void itSteps() {
        Shmlab.Result r = shmlab("\n".repeat(50), "step", "turns", "--procs=1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("stepping turns with 1 process(es)"), r::toString);
        assertTrue(r.out().contains("(shmlab replay turns "), r::toString);
    }
}
