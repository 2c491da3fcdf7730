package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Semaphore;
import io.shmlab.contract.ContractSupport;
import io.shmlab.support.CTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named semaphore's file emptied under a child JVM that has it open, by another process, in every
 * way the api and C allow: the child's next calls are the SIGBUS Linux gives (a {@code BusError}),
 * and the child JVM never crashes (no hs_err log, an ordinary exit). Before glibc's semaphore
 * operations were made in Java, the first such call killed the child JVM inside glibc.
 */
class SemaphoreFileCutTest extends ContractSupport {
    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final String CUT = "SIGBUS-READ SIGBUS-READ SIGBUS-READ SIGBUS-READ\n";
    private static final String WHOLE = "ok ok ok ok\n";

    @TempDir
    Path dir;

    @Override
    protected Backend backend() {
        return new NativeBackend();
    }

    @Test
    void everyWayAnotherProcessCutsTheFileIsSigbusInTheChildNeverACrash() throws Exception {
        long started = System.currentTimeMillis();
        CTool cutter = CTool.compile("cut_semaphore", dir);
        String name = semName("cut");
        String go = semName("go");
        String done = semName("done");
        Semaphore sem = os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        Semaphore goSem = os.semOpen(go, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        Semaphore doneSem = os.semOpen(done, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        String file = "/sem." + name.substring(1);
        List<Runnable> cuts = List.of(
                () -> os.semClose(os.semOpen(name, OpenFlags.O_TRUNC)),
                () -> os.semClose(os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0600, 0)),
                () -> os.close(os.shmOpen(file, OpenFlags.O_RDWR | OpenFlags.O_TRUNC, 0)),
                () -> {
                    OpenFile fd = os.shmOpen(file, OpenFlags.O_RDWR, 0);
                    os.ftruncate(fd, 0);
                    os.close(fd);
                },
                () -> os.close(os.open("/dev/shm" + file, OpenFlags.O_RDWR | OpenFlags.O_TRUNC, 0)),
                () -> runC(cutter, name));
        int rounds = 2 * cuts.size() + 1;
        // another process's cut is seen before the page is touched only when the child asks the
        // file's size at every call: without, HotSpot 17 may die of the SIGBUS (see the README).
        // The child inherits the setting; this JVM read its own at its first boot.
        System.setProperty(NativeSettings.CHECK_SEMAPHORE_FILES, "true");
        CompletableFuture<RunReport> child = CompletableFuture.supplyAsync(() -> machine.run(
                ProgramSpec.of(ChildPrograms.SemaphoreUser.class, name, go, done, Integer.toString(rounds)),
                RunOptions.of(1).withTimeout(GENEROUS)));
        StringBuilder expected = new StringBuilder();
        for (Runnable cut : cuts) {
            round(goSem, doneSem, () -> grow(file), child);
            expected.append(WHOLE);
            round(goSem, doneSem, cut, child);
            expected.append(CUT);
        }
        round(goSem, doneSem, () -> grow(file), child);
        expected.append(WHOLE);
        RunReport report;
        try {
            report = child.get();
        } finally {
            System.clearProperty(NativeSettings.CHECK_SEMAPHORE_FILES);
        }

        ProcessOutcome user = report.processes().get(0);
        assertEquals(new Ending.Exited(0), user.ending(), user.output());
        assertEquals(expected.toString(), user.output());
        assertEquals(List.of(), crashLogsSince(started));
        os.semClose(sem);
        os.semClose(goSem);
        os.semClose(doneSem);
    }

    @Test
    void everyWayTheApiCutsTheFileIsSigbusInTheSameJvmNeverACrash() throws Exception {
        long started = System.currentTimeMillis();
        String name = semName("self");
        Semaphore sem = os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);

        RunReport report = machine.run(ProgramSpec.of(ChildPrograms.SemaphoreSelfCut.class, name),
                RunOptions.of(1).withTimeout(GENEROUS));

        ProcessOutcome user = report.processes().get(0);
        assertEquals(new Ending.Exited(0), user.ending(), user.output());
        assertEquals((CUT + WHOLE).repeat(5), user.output());
        assertEquals(List.of(), crashLogsSince(started));
        os.semClose(sem);
    }

    private void round(Semaphore goSem, Semaphore doneSem, Runnable beforeTheChildsCalls,
            CompletableFuture<RunReport> child) throws Exception {
        beforeTheChildsCalls.run();
        os.semPost(goSem);
        if (!os.semTimedwait(doneSem, os.clockGettime().plus(GENEROUS))) {
            throw new AssertionError("the child did not finish its round: " + child.get());
        }
    }

    /** Grows the file back to a sem_t, zeroed: value 0. */
    private void grow(String file) {
        OpenFile fd = os.shmOpen(file, OpenFlags.O_RDWR, 0);
        os.ftruncate(fd, 0);
        os.ftruncate(fd, 32);
        os.close(fd);
    }

    private static void runC(CTool cutter, String name) {
        try {
            CTool.Result r = cutter.run(List.of(), name);
            assertEquals(0, r.exitCode(), r.output());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** hs_err logs the child JVMs (started in this directory) left since {@code started}. */
    private static List<Path> crashLogsSince(long started) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
            return files.filter(f -> f.getFileName().toString().matches("hs_err_pid\\d+\\.log"))
                    .filter(f -> f.toFile().lastModified() >= started)
                    .toList();
        }
    }
}
