package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line never surprises: its words, its help and its exit statuses agree with what it does. */
class CommandLineTest {

    private static void assertUsage(Shmlab.Result r, String said) {
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains(said), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ex9", "frobnicate"})
    void anUnknownCommandOrLabIsSaidSo(String word) {
        assertUsage(Shmlab.run(word), "unknown command or lab '" + word + "'; commands are labs, ex1");
        assertTrue(Shmlab.run(word).err().endsWith("(see shmlab --help)\n"));
    }

    @Test
    void aLabNamedAsACommandSaysHowToRunIt() {
        assertUsage(Shmlab.run("ex5-fixed"), "ex5-fixed is a lab, not a command: shmlab run ex5-fixed runs it");
    }

    @Test
    void aBackendNoOneHasIsAUsageError() {
        assertUsage(Shmlab.run("run", "ex5", "--backend=foo"), "unknown backend 'foo'; backends are native and sim");
    }

    @Test
    void aBareNumberOfDurationAsksForAUnit() {
        assertUsage(Shmlab.run("ex5", "--delay-init=2"), "'2' needs a unit: 2ms, 2s or 2m");
        assertUsage(Shmlab.run("run", "ex5", "--timeout=10"), "'10' needs a unit");
    }

    @Test
    void aHugeTokenGivesAShortLine() {
        String token = "x".repeat(100_000);
        Shmlab.Result r = Shmlab.run("replay", "ex5", token);
        assertUsage(r, "cannot replay 'xxxx");
        assertTrue(r.err().length() < 1000, () -> r.err().length() + " characters");
        assertTrue(r.err().contains("(100000 characters)"), r::toString);
    }

    @Test
    void aHugeUnknownWordGivesAShortLine() {
        Shmlab.Result r = Shmlab.run("y".repeat(100_000));
        assertTrue(r.err().length() < 1000, () -> r.err().length() + " characters");
    }

    @Test
    void helpHasTheTableOfExitStatusesAndSaysWhichCommandsRunRealProcesses() {
        Shmlab.Result r = Shmlab.run("--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Exit status:"), r::toString);
        for (String code : new String[] {"  0    ok", "  1    a failure", "  2    usage error", "  3    the backend", "  130  interrupted"}) {
            assertTrue(r.out().contains(code), () -> code + " in\n" + r.out());
        }
        assertTrue(r.out().contains("Real processes (--backend=native): ex1 ... ex5, run, replay"), r::toString);
        assertTrue(r.out().contains("explore, step and demo run on the simulator"), r::toString);
        assertTrue(r.out().contains("replay   Replay a schedule token of a lab, or of a program of your own"), r::toString);
    }

    @Test
    void ex5sHelpOffersItsOwnOptionsOnly() {
        Shmlab.Result r = Shmlab.run("ex5", "--help");
        assertFalse(r.out().contains("--capacity"), r::toString);
        assertTrue(r.out().contains("(default\n                               /myData)") || r.out().contains("(default /myData)"), r::toString);
        assertFalse(r.out().contains("exercise's own"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"explore", "step", "replay"})
    void simulatorCommandsDoNotOfferARealTimeDelay(String command) {
        Shmlab.Result r = Shmlab.run(command, "--help");
        assertFalse(r.out().contains("--delay-init"), r::toString);
        Shmlab.Result withDelay = command.equals("replay") ? Shmlab.run(command, "ex5", "token", "--delay-init=2s")
                : Shmlab.run(command, "ex5", "--delay-init=2s");
        assertUsage(withDelay, "--delay-init");
    }

    @ParameterizedTest
    @ValueSource(strings = {"explore", "step"})
    void simulatorCommandsSayTheyRunOnTheSimulatorWhenAskedForNative(String command) {
        assertUsage(Shmlab.run(command, "ex5", "--backend=native"), command + " runs on the simulator only");
    }

    @Test
    void runStillOffersTheDelayAndSaysWhatTheTimeoutMeans() {
        Shmlab.Result r = Shmlab.run("run", "--help");
        assertTrue(r.out().contains("--delay-init"), r::toString);
        assertTrue(r.out().contains("no progress"), r::toString);
    }
}
