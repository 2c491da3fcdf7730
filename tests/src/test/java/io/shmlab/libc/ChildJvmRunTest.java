package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Protection;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Signal;
import io.shmlab.contract.ContractSupport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real processes: child JVMs started by the native machine's run. */
class ChildJvmRunTest extends ContractSupport {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Override
    protected Backend backend() {
        return new NativeBackend();
    }

    @Test
    void twoProcessesPassDataThroughAMappingBothWays() throws Exception {
        String object = shmName("mp");
        String ready = semName("mp");
        String done = semName("mp");
        Semaphore readySem = os.semOpen(ready, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        Semaphore doneSem = os.semOpen(done, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        CompletableFuture<RunReport> child = CompletableFuture.supplyAsync(() -> machine.run(
                ProgramSpec.of(ChildPrograms.Echo.class, object, ready, done), RunOptions.of(1).withTimeout(GENEROUS)));

        OpenFile fd = os.shmOpen(object, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600);
        os.ftruncate(fd, 4096);
        Mapping data = os.mmap(4096, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        data.putCString(0, "hello, other process");
        os.semPost(readySem);
        os.semWait(doneSem);
        String reply = data.getCString(0, 4096);
        RunReport report = child.get();

        assertEquals("ssecorp rehto ,olleh", reply);
        ProcessOutcome echo = report.processes().get(0);
        assertEquals(new Ending.Exited(0), echo.ending());
        assertEquals("got: hello, other process\n", echo.output());
        assertNotEquals(os.pid(), echo.pid());
        os.munmap(data);
        os.close(fd);
        os.semClose(readySem);
        os.semClose(doneSem);
    }

    @Test
    void namedSemaphorePostedInOneProcessWakesTheWaiterInTheOther() {
        String name = semName("mp");

        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.WaiterOrPoster.class, name),
                RunOptions.of(2).withTimeout(GENEROUS));

        assertFalse(report.failed(), report.toString());
        Set<String> outputs = report.processes().stream().map(ProcessOutcome::output).collect(Collectors.toSet());
        assertEquals(Set.of("posted\n", "woken\n"), outputs);
        assertNotEquals(report.processes().get(0).pid(), report.processes().get(1).pid());
        assertEquals(List.of("A", "B"), report.processes().stream().map(ProcessOutcome::label).toList());
    }

    @Test
    void aProcessStillWaitingAtTheTimeoutIsReportedBlockedInItsCall() {
        String name = semName("mp");

        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.WaitsForever.class, name),
                RunOptions.of(1).withTimeout(Duration.ofSeconds(15)));

        ProcessOutcome outcome = report.processes().get(0);
        assertEquals(new Ending.Blocked("sem_wait(\"" + name + "\")"), outcome.ending());
        assertEquals("waiting\n", outcome.output());
        assertTrue(report.blocked());
        assertFalse(ProcessHandle.of(outcome.pid()).map(ProcessHandle::isAlive).orElse(false), "the child is gone");
    }

    @Test
    void aFaultInAChildEndsItKilledBySigbusWithTheDetail() {
        String name = shmName("mp");

        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.ReadsPastTheEnd.class, name),
                RunOptions.of(1).withTimeout(GENEROUS));

        ProcessOutcome outcome = report.processes().get(0);
        Ending.Killed killed = assertInstanceOf(Ending.Killed.class, outcome.ending());
        assertEquals(Signal.SIGBUS, killed.signal());
        assertTrue(killed.detail().startsWith("at 0x"), killed.detail());
        assertTrue(killed.detail().contains("past the end of the object (size 0)"), killed.detail());
        assertEquals("mapped\n", outcome.output());
    }

    @Test
    void anUncaughtPosixExceptionEndsTheChildWithStatusOne() {
        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.OpensMissingObject.class, shmName("mp")),
                RunOptions.of(1).withTimeout(GENEROUS));

        assertEquals(new Ending.Exited(1), report.processes().get(0).ending());
    }

    @Test
    void theStatusAProgramReturnsIsItsExitStatus() {
        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.ExitsWith.class, "3"),
                RunOptions.of(1).withTimeout(GENEROUS));

        ProcessOutcome outcome = report.processes().get(0);
        assertEquals(new Ending.Exited(3), outcome.ending());
        assertEquals("pid " + outcome.pid() + "\n", outcome.output());
    }

    @Test
    void aRealSigbusAfterAnotherShrankTheObjectEndsTheChildKilledBySigbusWithoutACrash() {
        String name = shmName("mp");

        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.ReadsAfterAnotherShrankTheObject.class, name),
                RunOptions.of(1).withTimeout(GENEROUS));

        ProcessOutcome outcome = report.processes().get(0);
        Ending.Killed killed = assertInstanceOf(Ending.Killed.class, outcome.ending(), outcome.toString());
        assertEquals(Signal.SIGBUS, killed.signal());
        assertEquals("shrunk\n", outcome.output());
    }
}
