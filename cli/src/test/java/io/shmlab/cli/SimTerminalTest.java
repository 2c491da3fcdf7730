package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The interactive exercises on the simulator, several processes sharing one terminal, driven by stdin. */
class SimTerminalTest {

    @Test
    void exercise1ProcessesShareTheTextAndTheCounter() {
        Shmlab.Result r = Shmlab.withInput("A: w hello\nB: r\nB: i 3\nA: i 2\nA: d 1\nA: r\nA: q\nB: q\n", "ex1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("B: version: 1\nB:    text: hello\nB: counter: 0\n"), r::toString);
        assertTrue(r.out().contains("A: version: 1\nA:    text: hello\nA: counter: 4\n"), r::toString);
        assertTrue(r.out().contains("A exited with status 0\nB exited with status 0\n"), r::toString);
    }

    @Test
    void eachProcessMapsTheObjectAtItsOwnAddress() {
        Shmlab.Result r = Shmlab.withInput("maps\nps\n", "ex1", "--procs=2");
        assertEquals(0, r.status(), r::toString);
        Matcher a = Pattern.compile("A: /os_cp is mapped at (0x[0-9a-f]+)").matcher(r.out());
        Matcher b = Pattern.compile("B: /os_cp is mapped at (0x[0-9a-f]+)").matcher(r.out());
        assertTrue(a.find() && b.find(), r::toString);
        assertTrue(!a.group(1).equals(b.group(1)), "different virtual addresses: " + r);
        assertTrue(r.out().contains(a.group(1).substring(2) + "-"), "maps shows A's address: " + r);
        assertTrue(r.out().contains("rw-s 00000000  1028 bytes   /os_cp"), r::toString);
        assertTrue(r.out().contains("MINOR_FAULTS"), r::toString);
    }

    @Test
    void aLineWithoutAPrefixGoesToTheLastProcessAddressed() {
        Shmlab.Result r = Shmlab.withInput("B: w first\nr\n", "ex1");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("B:    text: first\n"), r::toString);
    }

    @Test
    void exercise4GetBlocksUntilAnotherProcessPuts() {
        Shmlab.Result r = Shmlab.withInput("A: g\nps\nB: phello\nwait A\nB: g\nA: pworld\nwait B\n", "ex4", "--capacity=2");
        assertEquals(0, r.status(), r::toString);
        int blocked = r.out().indexOf("A is blocked");
        int got = r.out().indexOf("A: hello\n");
        assertTrue(blocked >= 0 && got > blocked, r::toString);
        assertTrue(r.out().matches("(?s).*\\n\\s*\\d+\\s+A\\s+1000\\s+BLOCKED.*"), r::toString);
        int bWaits = r.out().indexOf("B is blocked");
        int bGets = r.out().indexOf("B: world\n");
        assertTrue(bWaits > got && bGets > bWaits, r::toString);
    }

    @Test
    void exercise4HoldsNoMoreThanItsCapacity() {
        Shmlab.Result r = Shmlab.withInput("A: p1\nA: p2\nA: p3\nB: g\nwait A\nB: g\nB: g\n", "ex4", "--capacity=2");
        assertEquals(0, r.status(), r::toString);
        int full = r.out().indexOf("A is blocked");
        int firstGet = r.out().indexOf("B: 1\n");
        assertTrue(full >= 0 && firstGet > full, r::toString);
        assertTrue(r.out().indexOf("B: 3\n") > r.out().indexOf("B: 2\n"), r::toString);
    }

    @Test
    void exercise2WriterChangesTheTextUnderTheReader() {
        Shmlab.Result r = Shmlab.withInput("A: r\nW: x\nkill W\nA: q\n", "ex2");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("W: writing letters into /os_cp until stopped"), r::toString);
        assertTrue(r.out().contains("W reads no input"), r::toString);
        assertTrue(r.out().contains("W: stopped\nW exited with status 0"), r::toString);
    }

    @Test
    void exercise2sWriterRunsItsSigintHandlerAtTheEndOfTheSessionToo() {
        Shmlab.Result r = Shmlab.withInput("A: r\n", "ex2");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("W: stopped\n"), r::toString);
        assertTrue(r.out().contains("W exited with status 0"), r::toString);
    }

    @Test
    void lsInASessionShowsTheSimulatedNamespaceTheWayShmlabLsShowsTheHosts() {
        Shmlab.Result r = Shmlab.withInput("A: w hi\nls\n", "ex4", "--name=/ringls", "--capacity=3");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("/dev/shm of the simulated machine: 1 object(s), 3 named semaphore(s)"), r::toString);
        assertTrue(r.out().contains("  tmpfs: 12 KiB of 8 GiB used (3 of 2097152 pages)"), r::toString);
        assertTrue(r.out().matches("(?s).*  /ringls +object .*A \\(pid \\d+, open, mapped\\), B \\(pid \\d+, open, mapped\\).*"), r::toString);
        assertTrue(r.out().matches("(?s).*  /ringls-empty +semaphore +32 +1 pg  0600 .* 3/0 .*"), r::toString);
        assertTrue(r.out().matches("(?s).*  /ringls-mutex +semaphore +32 +1 pg  0600 .* 1/0 .*"), r::toString);
    }

    @Test
    void exercise3SaysOneThingToDoAndEnterDoesIt() {
        Shmlab.Result r = Shmlab.withInput("\nwait A\n", "ex3", "wait", "--name=/sem3e");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("press Enter to have B post it"), r::toString);
        assertFalse(r.out().contains("B: post'"), r::toString);
        assertTrue(r.out().contains("A: woken up: /sem3e was posted"), r::toString);
    }

    @Test
    void exercise3sEndOfInputSaysPlainlyWhatBecomesOfTheWaiter() {
        long start = System.nanoTime();
        Shmlab.Result r = Shmlab.withInput("", "ex3", "wait", "--name=/sem3f");
        assertTrue(r.out().contains("end of input: A is blocked in sem_wait"), r::toString);
        assertTrue(r.out().contains("with nothing left to wake it; ending it with SIGKILL"), r::toString);
        assertTrue(System.nanoTime() - start < 4_000_000_000L, "no five-second wait before it is said");
    }

    @Test
    void aLineOfSpacesIsNothingOnTheSimulatorAsOnNative() {
        Shmlab.Result r = Shmlab.withInput("A:    \n   \nA: r\n", "ex1", "--procs=1");
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.out().contains("unknown command"), r::toString);
    }

    @Test
    void atoiSurprisesAndTheFirstLetterRuleAreSaidOnTheSimulator() {
        Shmlab.Result r = Shmlab.withInput("A: i abc\nA: i 99999999999\nA: rubbish\n", "ex1", "--procs=1");
        assertTrue(r.out().contains("A: note: 'abc' is not a number: atoi reads it as 0, as in the C program"), r::toString);
        assertTrue(r.out().contains("A: note: 99999999999 does not fit in an int: atoi gives 1215752191"), r::toString);
        assertTrue(r.out().contains("A: note: only the first letter counts, as in the C program: 'rubbish' is r"), r::toString);
        assertTrue(r.out().contains("A: counter: 1215752191"), r::toString);
    }

    @Test
    void anItemOverTwoHundredFiftyFiveBytesIsCutWithANote() {
        Shmlab.Result r = Shmlab.withInput("A: p" + "x".repeat(300) + "\nA: g\nA: q\n", "ex4", "--procs=1", "--name=/ringcut");
        assertTrue(r.out().contains("A: note: the item is cut to 255 bytes"), r::toString);
        assertTrue(r.out().contains("A: " + "x".repeat(255) + "\n"), r::toString);
        assertTrue(r.out().contains("A exited with status 0"), r::toString);
    }

    @Test
    void exercise3WaiterIsWokenByThePoster() {
        Shmlab.Result r = Shmlab.withInput("B: post\nwait A\n", "ex3", "wait", "--name=/sem3");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("A: waiting on /sem3\n"), r::toString);
        assertTrue(r.out().contains("B: posted /sem3\n"), r::toString);
        assertTrue(r.out().contains("A: woken up: /sem3 was posted\n"), r::toString);
    }

    @Test
    void unknownProcessIsSaidSo() {
        Shmlab.Result r = Shmlab.withInput("kill Q\n", "ex1");
        assertTrue(r.out().contains("no process Q; processes are A, B"), r::toString);
    }

    @Test
    void exercise1sBigMappingGivesSigbusPastTheObjectAndSigsegvOutsideTheMapping() {
        Shmlab.Result r = Shmlab.withInput("A: c 4095\nA: c 8192\nB: c -1\n", "ex1", "--map-size=1048576");
        assertTrue(r.out().contains("A: byte at data + 4095: 0\n"), "the rest of the object's last page reads as zero: " + r);
        assertTrue(r.out().contains("A killed by SIGBUS: at "), r::toString);
        assertTrue(r.out().contains("(size 1028)"), r::toString);
        assertTrue(r.out().contains("B killed by SIGSEGV: at "), r::toString);
        assertTrue(r.out().contains("read outside the mapping"), r::toString);
        assertEquals(ExitCodes.OK, r.status(), r::toString);
    }

    @Test
    void exercise1ReadOnlyMappingReadsButAWriteIsSigsegv() {
        Shmlab.Result r = Shmlab.withInput("A: r\nA: w hello\n", "ex1", "--read-only", "--procs=1");
        assertTrue(r.out().contains("A: version: 0\n"), r::toString);
        assertTrue(r.out().contains("A killed by SIGSEGV: ") && r.out().contains("PROT_READ"), r::toString);
    }
}
