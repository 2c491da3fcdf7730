package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real processes get the verdict of what they did: a slow run is no deadlock; a hang is found from
 * what the processes are doing, soon after it begins; a run without progress is a timeout.
 */
class NativeVerdictsTest {

    @BeforeEach
    void needsNative() {
        Backend backend = Backends.get("native");
        assumeTrue(backend.unavailableReason() == null, () -> "native backend: " + backend.unavailableReason());
    }

    private static boolean leftIn(String name) throws IOException {
        String file = name.substring(1);
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            return entries.anyMatch(p -> p.getFileName().toString().contains(file));
        }
    }

    @Test
    void twelveProcessesOfTheFixedProgramEndCleanWithTheDefaultOptions() throws IOException {
        String name = HostNames.unique("fix12");
        Shmlab.Result r = Shmlab.run("run", "ex5-fixed", "--procs=12", "--backend=native", "--name=" + name);
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("ok: all 12 process(es) exited with status 0"), r::toString);
        assertFalse(leftIn(name), "the run removes its semaphore");
    }

    @Test
    void sixteenProcessesOfTheFixedProgramEndCleanWithTheDefaultOptions() throws IOException {
        String name = HostNames.unique("fix16");
        Shmlab.Result r = Shmlab.run("run", "ex5-fixed", "--procs=16", "--backend=native", "--name=" + name);
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("ok: all 16 process(es) exited with status 0"), r::toString);
        assertFalse(r.out().contains("SIGKILL"), r::toString);
        assertFalse(leftIn(name), "the run removes its semaphore");
    }

    /**
     * The creator sleeps 2 s before sem_init, then holds the semaphore 1 s: the hang begins once it has
     * exited, about 3 s after the processes started. It must be reported as a deadlock at most 5 s
     * later: the whole command well within 2 + 1 + 5 s plus the JVMs' start.
     */
    @Test
    void exercise5WithADelayedInitIsADeadlockReportedSoonAfterTheHangBegins() throws IOException {
        String name = HostNames.unique("ex5hang");
        long start = System.nanoTime();
        Shmlab.Result r = Shmlab.run("ex5", "--backend=native", "--delay-init=2s", "--name=" + name);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("blocked forever in sem_wait"), r::toString);
        assertTrue(r.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), r::toString);
        assertTrue(seconds < 10, () -> "took " + seconds + " s\n" + r);
        assertFalse(leftIn(name), "the run removes its object");
    }

    @Test
    void aRunWithoutProgressForTheTimeoutIsATimeoutNotADeadlock() throws IOException {
        String name = HostNames.unique("quiet");
        Shmlab.Result r = Shmlab.run("run", "ex5-fixed", "--procs=3", "--backend=native", "--name=" + name, "--timeout=500ms");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertFalse(r.out().contains("DEADLOCK"), r::toString);
        assertTrue(r.out().contains("TIMEOUT: no progress for 500 ms: "), r::toString);
        assertTrue(r.out().contains("waiting on the semaphore " + name), r::toString);
        assertTrue(r.out().contains("stopped after no progress for 500 ms"), r::toString);
        assertFalse(leftIn(name), "the run removes its semaphore");
    }
}
