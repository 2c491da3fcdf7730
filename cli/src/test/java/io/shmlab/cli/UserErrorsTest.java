package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every mistake a user can make is one line on standard error and a non-zero exit. */
class UserErrorsTest {

    private static void assertOneLine(Shmlab.Result r) {
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void unknownLabIsOneLineNamingTheLabs() {
        Shmlab.Result r = Shmlab.run("run", "ex9");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("unknown lab 'ex9'"), r::toString);
        assertTrue(r.err().contains("ex5-fixed"), r::toString);
    }

    @Test
    void badNameIsOneLine() {
        Shmlab.Result r = Shmlab.run("ex1", "--name=os_cp");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("bad name 'os_cp': it must start with a slash"), r::toString);
    }

    @Test
    void nameWithASecondSlashIsOneLine() {
        Shmlab.Result r = Shmlab.run("run", "ex5", "--name=/a/b");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("only the leading slash"), r::toString);
    }

    @Test
    void unknownBackendIsOneLine() {
        Shmlab.Result r = Shmlab.run("ex1", "--backend=qemu");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("unknown backend 'qemu'"), r::toString);
    }

    @Test
    void unknownOptionIsOneLine() {
        Shmlab.Result r = Shmlab.run("run", "ex5", "--frobnicate");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("--frobnicate"), r::toString);
    }

    @Test
    void unknownCommandIsOneLine() {
        Shmlab.Result r = Shmlab.run("frobnicate");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
    }

    @Test
    void missingLabIsOneLine() {
        Shmlab.Result r = Shmlab.run("run");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("<lab>"), r::toString);
    }

    @Test
    void badRoleOfExercise3IsOneLine() {
        Shmlab.Result r = Shmlab.run("ex3", "shout");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("unknown role 'shout'"), r::toString);
    }

    @Test
    void badDurationIsOneLine() {
        Shmlab.Result r = Shmlab.run("ex5", "--delay-init=soon");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().contains("'soon' is not a duration"), r::toString);
    }

    @Test
    void tooManyProcessesIsOneLine() {
        Shmlab.Result r = Shmlab.run("run", "ex5", "--procs=0");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r);
    }
}
