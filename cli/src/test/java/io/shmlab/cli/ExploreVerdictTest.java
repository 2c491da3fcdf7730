package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An exploration says what its count is worth: a verdict only when it ran every schedule within its bound. */
class ExploreVerdictTest {

    @Test
    void aSearchCutByItsBudgetSaysSoAndIsNoVerdict() {
        Shmlab.Result r = Shmlab.run("explore", "ex5-fixed", "--no-dpor", "--max-schedules=5");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("5 schedules run (bounded by budget: --max-schedules=5; not a verdict)"), r::toString);
        assertTrue(r.out().contains("no failing schedule found in the 5 schedules run"), r::toString);
        assertFalse(r.out().lines().anyMatch(l -> l.equals("no failing schedule found")), r::toString);
    }

    @Test
    void aCompleteSearchIsAVerdict() {
        Shmlab.Result r = Shmlab.run("explore", "ex5-fixed");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*\\n\\d+ schedules run \\(complete\\)\\n.*"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.equals("no failing schedule found")), r::toString);
    }

    @Test
    void aSearchThatStopsAtTheFirstFailureSaysSo() {
        Shmlab.Result r = Shmlab.run("explore", "ex5", "--stop-at-first");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("(stopped at the first failing schedule)"), r::toString);
        assertTrue(r.out().contains("failing schedule (shortest): "), r::toString);
    }

    /** Ctrl-C during an exploration prints what was counted so far, marked interrupted, then exits 130. */
    @Test
    void anInterruptedSearchPrintsItsCountsSoFar() throws Exception {
        Path out = Files.createTempFile("shmlab-explore", ".txt");
        Process p = new ProcessBuilder(Shmlab.inItsOwnJvm(List.of(), List.of("explore", "ex1", "--strategy=random",
                "--max-schedules=100000000"))).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("exploring") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ends");
            String printed = Files.readString(out);
            assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), printed);
            assertTrue(printed.matches("(?s).*\\n[1-9]\\d* schedules run \\(interrupted: the counts so far; not a verdict\\)\\n.*"), printed);
            assertFalse(printed.lines().anyMatch(l -> l.equals("no failing schedule found")), printed);
        } finally {
            p.destroyForcibly();
            Files.delete(out);
        }
    }

    @Test
    void progressIsNoCarriageReturnWhenStandardErrorIsNotATerminal() {
        Shmlab.Result r = Shmlab.run("explore", "ex1", "--max-schedules=300");
        assertFalse(r.err().contains("\r"), r::toString);
        assertFalse(r.out().contains("\r"), r::toString);
    }
}
