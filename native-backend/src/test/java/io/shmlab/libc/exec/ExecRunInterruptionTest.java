package io.shmlab.libc.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run asks whether shmlab is being stopped ({@link Interruption}): interrupted, it stops its
 * processes at once and removes what they made; a process that cannot be started as the interruption
 * comes is the interruption's, not a program that cannot run. Needs a C compiler (skipped without).
 */
class ExecRunInterruptionTest {
    /** Makes a name, then sleeps for half a minute of real time. */
    private static final String SLEEPER = """
            #include <fcntl.h>
            #include <sys/mman.h>
            #include <unistd.h>
            int main(int argc, char **argv) {
              int fd = shm_open(argv[1], O_RDWR | O_CREAT, 0600);
              ftruncate(fd, 4096);
              sleep(30);
              return 0;
            }
            """;

    /** Ends itself with SIGINT, as a terminal's Ctrl-C would. */
    private static final String SELF_INTERRUPTING = """
            #include <signal.h>
            #include <stdio.h>
            int main(void) {
              printf("going\\n");
              fflush(stdout);
              raise(SIGINT);
              return 0;
            }
            """;

    @TempDir
    Path outputs;

    private final String name = "/shmlab-test-execint-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private Path library;

    @BeforeEach
    void needsTheTurnstile() {
        try {
            library = CBuild.turnstile();
        } catch (NotRunnableException e) {
            assumeTrue(false, e.getMessage());
        }
    }

    @AfterEach
    void nothingLeft() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(f -> f.contains(name.substring(1))).toList(),
                    "left in /dev/shm");
        }
    }

    private ExecRun.Result run(Path binary, List<String> stdin, int processes, boolean realTime, Interruption interruption,
            ExecRun.Listener listener) {
        ExecProgram program = new ExecProgram(binary, List.of(name + "-{i}"), stdin);
        return ExecRun.run(program, new ExecRun.Settings(processes, realTime, Duration.ofSeconds(10), interruption), library,
                name + "-turns", choice -> choice.enabled()[0], listener, outputs);
    }

    @Test
    void aRunInterruptedWhileItsProcessesSleepEndsAtOnceAndRemovesWhatTheyMade() {
        Path sleeper = CBuild.program("execint_sleeper", SLEEPER);
        AtomicBoolean interrupted = new AtomicBoolean();
        long start = System.nanoTime();
        ExecRun.Result result = run(sleeper, List.of(), 2, true, interrupted::get, made -> interrupted.set(true));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(ExecRun.End.INTERRUPTED, result.end(), result::toString);
        assertTrue(seconds < 20, "the run took " + seconds + " s: its sleep was waited for");
        assertFalse(result.removed().isEmpty(), result::toString);
        for (int pid : result.pids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
    }

    @Test
    void anInterruptedRunStartsNoProcess() {
        Path sleeper = CBuild.program("execint_sleeper", SLEEPER);
        ExecRun.Result result = run(sleeper, List.of(), 2, true, () -> true, made -> { });
        assertEquals(ExecRun.End.INTERRUPTED, result.end(), result::toString);
        assertEquals(List.of(), result.pids(), result::toString);
    }

    /** Process B cannot start (its input is missing) once A has started, just as shmlab is interrupted. */
    @Test
    void aProcessThatCannotStartAsShmlabIsInterruptedIsNoFailureToStart() throws IOException {
        Path sleeper = CBuild.program("execint_sleeper", SLEEPER);
        Path in = Files.writeString(outputs.resolve("in-0.txt"), "");
        Interruption onceAStarted = () -> Files.exists(outputs.resolve("process-0.out"));
        ExecRun.Result result = run(sleeper, List.of(in.toString(), outputs.resolve("missing.txt").toString()), 2, true,
                onceAStarted, made -> { });
        assertEquals(ExecRun.End.INTERRUPTED, result.end(), result::toString);
        assertEquals(1, result.pids().size(), result::toString);
    }

    @Test
    void aProcessThatCannotStartWithNoInterruptionIsStillAFailureToStart() throws IOException {
        Path sleeper = CBuild.program("execint_sleeper", SLEEPER);
        Path in = Files.writeString(outputs.resolve("in-0.txt"), "");
        NotRunnableException e = assertThrows(NotRunnableException.class,
                () -> run(sleeper, List.of(in.toString(), outputs.resolve("missing.txt").toString()), 2, true, Interruption.NONE,
                        made -> { }));
        assertTrue(e.getMessage().startsWith(sleeper + " could not be started: "), e.getMessage());
    }

    @Test
    void aProcessKilledBySigintWithNoInterruptionIsReportedAsKilled() {
        Path program = CBuild.program("execint_self_interrupting", SELF_INTERRUPTING);
        ExecRun.Result result = run(program, List.of(), 1, false, Interruption.NONE, made -> { });
        assertEquals(ExecRun.End.ENDED, result.end(), result::toString);
        Ending ending = result.report().processes().get(0).ending();
        assertTrue(ending instanceof Ending.Killed k && k.signal() == Signal.SIGINT, ending::toString);
    }
}
