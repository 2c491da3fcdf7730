package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An exploration says what its count is worth: a verdict only when it ran every schedule within its bound. */
class ExploreVerdictTest {

    @Test
    void aSearchCutByItsBudgetSaysSoAndIsNoVerdict() {
        Shmlab.Result r = Shmlab.run("explore", "ex5-fixed", "--max-schedules=5");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("5 schedules run (bounded by budget: --max-schedules=5; not a verdict)"), r::toString);
        assertTrue(r.out().contains("no failing schedule found in the 5 schedules run"), r::toString);
        assertFalse(r.out().lines().anyMatch(l -> l.equals("no failing schedule found")), r::toString);
    }

    @Test
    void aCompleteSearchIsAVerdict() {
        Shmlab.Result r = Shmlab.run("explore", "ex5-fixed");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().matches("(?s).*\\n\\d+ schedules run \\(every schedule within the bound\\)\\n.*"), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.equals("no failing schedule found")), r::toString);
    }

    @Test
    void aSearchThatStopsAtTheFirstFailureSaysSo() {
        Shmlab.Result r = Shmlab.run("explore", "ex5", "--stop-at-first");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("(stopped at the first failing schedule)"), r::toString);
        assertTrue(r.out().contains("failing schedule (shortest): "), r::toString);
    }

    @Test
    void progressIsNoCarriageReturnWhenStandardErrorIsNotATerminal() {
        Shmlab.Result r = Shmlab.run("explore", "ex1", "--max-schedules=300");
        assertFalse(r.err().contains("\r"), r::toString);
        assertFalse(r.out().contains("\r"), r::toString);
    }
}
