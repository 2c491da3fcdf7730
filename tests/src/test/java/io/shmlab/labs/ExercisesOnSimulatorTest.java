package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Program;
import io.shmlab.sim.SimMachine;
import io.shmlab.sim.SimProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab programs themselves, each run to its end in one simulated machine. */
class ExercisesOnSimulatorTest {
    private static final Duration END = Duration.ofSeconds(30);

    private SimMachine machine;

    @BeforeEach
    void boot() {
        machine = SimMachine.builder().seed(1).build();
    }

    @AfterEach
    void shutDown() {
        machine.close();
    }

    private SimProcess runToEnd(String label, Program program) {
        SimProcess p = machine.launch(label, program);
        assertEquals(new Ending.Exited(0), p.awaitEnd(END).orElseThrow(), p::output);
        return p;
    }

    @Test
    void exercise1ScriptWritesReadsAndCounts() {
        SimProcess p = runToEnd("A", new Exercise1(new String[] {"/os_cp", "w hello", "i 7", "d 2", "r", "q"}));
        assertTrue(p.output().contains("> r\nversion: 1\n   text: hello\ncounter: 5\n> q\n"), p::output);
    }

    @Test
    void exercise1CutsTheTextToFitTheArray() {
        String longText = "x".repeat(2000);
        SimProcess p = runToEnd("A", new Exercise1(new String[] {"/os_cp", "w " + longText, "r"}));
        String text = p.output().substring(p.output().indexOf("   text: ") + 9);
        assertEquals(Exercise1.MAX_LINE - 2, text.indexOf('\n'), "1019 bytes and the NUL fill text[1020]");
    }

    @Test
    void exercise1IgnoresEmptyLinesAndNamesUnknownCommands() {
        SimProcess p = runToEnd("A", new Exercise1(new String[] {"/os_cp", "", "z", "q"}));
        assertTrue(p.output().contains("unknown command 'z'"), p::output);
    }

    @Test
    void exercise2WritesTheLastLetterEverywhereButTheLastByte() {
        runToEnd("W", new Exercise2(new String[] {"/os_cp", "1"}));
        SimProcess reader = runToEnd("A", new Exercise1(new String[] {"/os_cp", "r"}));
        assertTrue(reader.output().contains("   text: " + "z".repeat(MyDataLayout.TEXT_LENGTH - 1) + "\n"), reader::output);
    }

    @Test
    void exercise4RingBufferWrapsAroundInOrder() {
        SimProcess p = runToEnd("A", new Exercise4(new String[] {"/ring", "2", "p1", "p2", "g", "g", "p3", "p4", "g", "g", "p5", "g"}));
        String out = p.output();
        int at = -1;
        for (String item : new String[] {"\n1\n", "\n2\n", "\n3\n", "\n4\n", "\n5\n"}) {
            int next = out.indexOf(item, at + 1);
            assertTrue(next > at, "items come out in order: " + out);
            at = next;
        }
        assertTrue(machine.listShm().containsAll(java.util.List.of("ring", "sem.ring-empty", "sem.ring-full", "sem.ring-mutex")),
                machine.listShm()::toString);
    }

    @Test
    void exercise4CutsAnItemToItem_t() {
        SimProcess p = runToEnd("A", new Exercise4(new String[] {"/ring", "3", "p" + "y".repeat(400), "g"}));
        assertTrue(p.output().contains("\n" + "y".repeat(RingBufferLayout.ITEM_SIZE - 1) + "\n"), p::output);
    }

    @Test
    void counterRaceAloneCountsOne() {
        SimProcess p = runToEnd("A", new CounterRace(new String[] {"/os_cp"}));
        assertEquals("i 1 done: counter 1, 1 increment(s) finished\n", p.output());
    }

    @Test
    void exercise3PostWithoutTheSemaphoreFailsWithEnoent() {
        SimProcess p = machine.launch("B", new Exercise3(new String[] {"post", "/nothing"}));
        assertEquals(new Ending.Exited(1), p.awaitEnd(END).orElseThrow());
        assertTrue(p.output().startsWith("sem_open(\"/nothing\"): ENOENT"), p::output);
    }

    @Test
    void exercise5AloneCreatesInitialisesAndLeavesTheObject() {
        SimProcess p = runToEnd("A", new Exercise5(new String[] {"/myData", "10"}));
        assertEquals("I'm alone here!\n", p.output());
        assertTrue(machine.listShm().contains("myData"), machine.listShm()::toString);
    }
}
