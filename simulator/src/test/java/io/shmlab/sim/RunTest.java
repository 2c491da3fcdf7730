package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Signal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Machine.run in direct mode: every process's output and ending, deadlock found exactly. */
class RunTest {
    private final SimMachine machine = SimMachine.builder().build();

    @AfterEach
    void close() {
        machine.close();
    }

    /** Takes turns on a named mutex and counts in shared memory. */
    public static final class Counter implements Program {
        @Override
        public int main(Os os) {
            Semaphore mutex = os.semOpen("/mutex", O_CREAT, 0600, 1);
            var fd = os.shmOpen("/count", O_CREAT | io.shmlab.api.OpenFlags.O_RDWR, 0600);
            os.posixFallocate(fd, 0, 8);
            Mapping m = os.mmap(8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            for (int i = 0; i < 1000; i++) {
                os.semWait(mutex);
                m.putLong(0, m.getLong(0) + 1);
                os.semPost(mutex);
            }
            os.println("done");
            return 3;
        }
    }

    /** A parent whose child waits forever: the parent waits forever for the child. */
    public static final class ParentOfAStuckChild implements Program {
        @Override
        public int main(Os os) {
            Semaphore never = os.semOpen("/never", O_CREAT, 0600, 0);
            int child = os.fork(c -> {
                c.semWait(never);
                return 0;
            });
            return os.waitpid(child);
        }
    }

    /** Reads past the end of its object. */
    public static final class Faulter implements Program {
        @Override
        public int main(Os os) {
            var fd = os.shmOpen("/small", O_CREAT | io.shmlab.api.OpenFlags.O_RDWR, 0600);
            return os.mmap(8192, PROT_READ, MAP_SHARED, fd, 0).getByte(4096);
        }
    }

    @Test
    void everyProcessIsReportedWithItsOutputAndStatus() {
        RunReport report = machine.run(ProgramSpec.of(Counter.class), RunOptions.of(3));
        assertEquals(3, report.processes().size());
        assertEquals("A", report.processes().get(0).label());
        for (var p : report.processes()) {
            assertEquals("done\n", p.output());
            assertEquals(new Ending.Exited(3), p.ending());
        }
        assertNotNull(report.schedule(), "run goes through the seeded scheduler, whose token replays it");
        SimOs check = machine.spawn();
        var fd = check.shmOpen("/count", io.shmlab.api.OpenFlags.O_RDONLY, 0);
        assertEquals(3000, check.mmap(8, PROT_READ, MAP_SHARED, fd, 0).getLong(0));
    }

    @Test
    void theSimulatorSaysItIsDeterministicAndRunsNoRealProcess() {
        assertTrue(machine.backend().isDeterministic(), "a run reports the token that replays it");
        assertFalse(machine.backend().runsRealProcesses(), "processes and names live in the JVM");
        assertTrue(machine.backend().canFork());
    }

    @Test
    void aParentWaitingForAChildBlockedForeverIsBlockedInWaitpid() {
        RunReport report = machine.run(ProgramSpec.of(ParentOfAStuckChild.class), RunOptions.of(1));
        Ending.Blocked blocked = assertInstanceOf(Ending.Blocked.class, report.processes().get(0).ending());
        assertTrue(blocked.call().startsWith("waitpid"), blocked.call());
        assertTrue(report.blocked());
    }

    @Test
    void aFaultEndsItsProcessKilledBySigbus() {
        RunReport report = machine.run(ProgramSpec.of(Faulter.class), RunOptions.of(2));
        for (var p : report.processes()) {
            Ending.Killed k = assertInstanceOf(Ending.Killed.class, p.ending());
            assertEquals(Signal.SIGBUS, k.signal());
            assertTrue(k.toString().startsWith("killed by SIGBUS: at 0x"), k.toString());
        }
    }

    @Test
    void aKilledProcessBlockedInReadLineEndsBySignal() {
        SimProcess p = machine.launch("reader", os -> {
            String line;
            while ((line = os.readLine()) != null) {
                os.println("got " + line);
            }
            return 0;
        });
        p.send("one");
        p.kill(Signal.SIGINT);
        Ending e = p.awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        assertEquals(new Ending.Killed(Signal.SIGINT, null), e);
    }

    @Test
    void inputLinesAreReadUntilTheEnd() {
        StringBuilder live = new StringBuilder();
        SimProcess p = machine.launch("reader", os -> {
            String line;
            while ((line = os.readLine()) != null) {
                os.println("got " + line);
            }
            return 0;
        });
        p.onOutput(live::append);
        p.send("one");
        p.send("two");
        p.closeInput();
        assertEquals(new Ending.Exited(0), p.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertEquals("got one\ngot two\n", p.output());
    }

    @Test
    void aFailedAssertionAbortsTheProcessAsCsAssertDoes() {
        SimProcess p = machine.launch("asserts", os -> {
            throw new AssertionError("counter == 2");
        });
        Ending.Killed k = assertInstanceOf(Ending.Killed.class, p.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertEquals(Signal.SIGABRT, k.signal());
        assertEquals("Assertion failed: counter == 2\n", p.output());
    }

    @Test
    void aSignalEndsAProcessBlockedInSemWaitAndAPowerLossEndsEveryProcess() {
        SimProcess waiter = machine.launch("waiter", os -> {
            os.semWait(os.semOpen("/zero", O_CREAT, 0600, 0));
            return 0;
        });
        SimProcess sleeper = machine.launch("sleeper", os -> {
            os.sleep(Duration.ofDays(1));
            return 0;
        });
        SimProcess other = machine.launch("other", os -> {
            os.semWait(os.semOpen("/zero", O_CREAT, 0600, 0));
            return 0;
        });
        while (waiter.process().state() != io.shmlab.sim.kernel.ProcessState.BLOCKED
                || sleeper.process().state() != io.shmlab.sim.kernel.ProcessState.BLOCKED) {
            Thread.onSpinWait();
        }
        waiter.kill(Signal.SIGTERM);
        assertEquals(new Ending.Killed(Signal.SIGTERM, null), waiter.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        machine.crash();
        assertEquals(new Ending.Killed(Signal.SIGKILL, null), sleeper.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertEquals(new Ending.Killed(Signal.SIGKILL, null), other.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertTrue(machine.listShm().isEmpty());
    }

    @Test
    void aLaunchedProcessWaitingForOneLaunchedLaterIsNotDeadlocked() {
        SimProcess waiter = machine.launch("waiter", os -> {
            os.semWait(os.semOpen("/later", O_CREAT, 0600, 0));
            os.println("woken");
            return 0;
        });
        while (waiter.process().state() != io.shmlab.sim.kernel.ProcessState.BLOCKED) {
            Thread.onSpinWait();
        }
        SimProcess poster = machine.launch("poster", os -> {
            os.semPost(os.semOpen("/later", O_CREAT, 0600, 0));
            return 0;
        });
        assertEquals(new Ending.Exited(0), poster.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertEquals(new Ending.Exited(0), waiter.awaitEnd(Duration.ofSeconds(30)).orElseThrow());
        assertEquals("woken\n", waiter.output());
    }
}
