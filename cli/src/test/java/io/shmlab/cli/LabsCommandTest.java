package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.labs.Lab;
import org.junit.jupiter.api.Test;

class LabsCommandTest {

    @Test
    void listsEveryLabOnOneLineEach() {
        Shmlab.Result r = Shmlab.run("labs");
        assertEquals(0, r.status(), r::toString);
        for (Lab lab : Lab.values()) {
            assertEquals(1, r.out().lines().filter(l -> l.startsWith(lab.id() + " ")).count(), r::toString);
        }
    }

    @Test
    void noCommandIsAUsageErrorNamingTheCommands() {
        Shmlab.Result r = Shmlab.run();
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("which command? labs, ex1"), r::toString);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"labs", "ex1", "ex2", "ex3", "ex4", "ex5", "run", "explore",
        "replay", "step", "demo", "ls", "rm"})
    void everyCommandHasHelp(String command) {
        Shmlab.Result r = Shmlab.run(command, "--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("Usage: shmlab " + command), r::toString);
    }
}
