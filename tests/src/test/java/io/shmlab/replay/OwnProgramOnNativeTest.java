package io.shmlab.replay;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Unlink;
import io.shmlab.cli.Console;
import io.shmlab.cli.Main;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.support.NativeHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program of one's own, a single .java file, run and replayed on real processes: the child JVMs get
 * its compiled classes, its final check runs in the parent after the run, and the names its processes
 * made in /dev/shm are removed after the check, and nothing another process made there meanwhile.
 */
class OwnProgramOnNativeTest {
    private static final String TAG = ShmLeakCheck.RUN_TAG + "-own";
    private static final String PROGRAM = """
            import static io.shmlab.api.MapFlags.MAP_SHARED;
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;
            import static io.shmlab.api.Protection.PROT_READ;
            import static io.shmlab.api.Protection.PROT_WRITE;

            import io.shmlab.api.*;

            public class Tally implements Program, FinalCheck {
                private final String name;
                private final int expected;

                public Tally(String[] args) {
                    name = args[0];
                    expected = Integer.parseInt(args[1]);
                }

                public int main(Os os) {
                    Semaphore lock = os.semOpen(name + "-lock", O_CREAT, 0600, 1);
                    OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
                    os.ftruncate(fd, 4);
                    Mapping shared = os.mmap(4, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    os.semWait(lock);
                    shared.putInt(0, shared.getInt(0) + 1);
                    os.semPost(lock);
                    return 0;
                }

                public void check(Os os) {
                    int total = os.mmap(4, PROT_READ, MAP_SHARED, os.shmOpen(name, O_RDWR, 0), 0).getInt(0);
                    if (total != expected) {
                        throw new AssertionError("the tally is " + total + ", not " + expected);
                    }
                }
            }
            """;

    /** Leaves an object and a semaphore behind, and waits, after saying it is ready, for the test's go. */
    private static final String LEAVER = """
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;

            import io.shmlab.api.*;
            import java.time.Duration;

            public class Leaver implements Program {
                private final String[] names;

                public Leaver(String[] args) {
                    names = args;
                }

                public int main(Os os) {
                    os.ftruncate(os.shmOpen(names[0], O_RDWR | O_CREAT, 0600), 8);
                    os.semOpen(names[0] + "-left", O_CREAT, 0600, 0);
                    os.semPost(os.semOpen(names[1], 0));
                    // timed: a wait for the test's go is no deadlock
                    return os.semTimedwait(os.semOpen(names[2], 0), os.clockGettime().plus(Duration.ofMinutes(2))) ? 0 : 1;
                }
            }
            """;

    /** Leaves an object behind, and a file of /dev/shm made through no call of its Os, named after its pid. */
    private static final String FILE_MAKER = """
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;

            import io.shmlab.api.*;
            import java.io.IOException;
            import java.nio.file.*;

            public class FileMaker implements Program {
                private final String[] names;

                public FileMaker(String[] args) {
                    names = args;
                }

                public int main(Os os) {
                    os.shmOpen(names[0], O_RDWR | O_CREAT, 0600);
                    try {
                        // one file a JVM: the simulator's processes all run in the one that simulates them
                        Files.createFile(Path.of("/dev/shm", names[1] + "-" + ProcessHandle.current().pid()));
                    } catch (FileAlreadyExistsException sameJvm) {
                        return 0;
                    } catch (IOException e) {
                        return 1;
                    }
                    return 0;
                }
            }
            """;

    private Machine machine;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
    }

    @AfterEach
    void nothingIsLeft() {
        if (machine != null) {
            assertEquals(List.of(), machine.listShm().stream().filter(n -> n.contains(TAG)).toList());
        }
    }

    private int shmlab(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args, new Console(new ByteArrayInputStream(new byte[0]), out, err));
    }

    @Test
    void childJvmsRunTheCompiledFileAndTheParentChecksBeforeTheCleanUp() throws IOException {
        Path file = Files.writeString(dir.resolve("Tally.java"), PROGRAM);
        int status = shmlab("run", file.toString(), "--backend=native", "--procs=3", "--", "/" + TAG, "3");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text + err);
        assertTrue(text.contains("final check passed"), text);
        assertTrue(text.contains("ok: all 3 process(es) exited with status 0"), text);

        status = shmlab("run", file.toString(), "--backend=native", "--procs=2", "--", "/" + TAG, "3");
        text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text + err);
        assertTrue(text.contains("final check failed: the tally is 2, not 3"), text);
    }

    @Test
    void aTokenOfTheFileReplaysOnRealProcesses() throws IOException {
        Path file = Files.writeString(dir.resolve("Tally.java"), PROGRAM);
        assertEquals(0, shmlab("run", file.toString(), "--seed=3", "--", "/" + TAG, "2"), err::toString);
        Matcher token = Pattern.compile("schedule: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(token.find(), out::toString);
        int status = shmlab("replay", file.toString(), token.group(1), "--backend=native", "--", "/" + TAG, "2");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text + err);
        assertTrue(text.contains("native (followed"), text);
        assertTrue(text.substring(text.indexOf("native (")).contains("final check passed"), text);
    }

    @Test
    void aRunRemovesWhatItsProcessesMadeAndNotWhatAnotherProcessMadeMeanwhile() throws Exception {
        Path file = Files.writeString(dir.resolve("Leaver.java"), LEAVER);
        Os os = machine.spawn();
        String own = "/" + TAG + "-leaver";
        String ready = "/" + TAG + "-ready";
        String go = "/" + TAG + "-go";
        String foreign = "/" + TAG + "-foreign";
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Semaphore readySem = os.semOpen(ready, O_CREAT | O_EXCL, 0600, 0);
            Semaphore goSem = os.semOpen(go, O_CREAT | O_EXCL, 0600, 0);
            Future<Integer> run = runner.submit(() -> shmlab("run", file.toString(), "--backend=native", "--procs=2",
                    "--timeout=120s", "--", own, ready, go));
            for (int i = 0; i < 2; i++) {
                while (!os.semTimedwait(readySem, os.clockGettime().plus(Duration.ofMillis(200)))) {
                    assertFalse(run.isDone(), () -> "the run ended before its processes were ready: " + out + err);
                }
            }
            // both processes have made their names and wait: another process makes an object and a semaphore now
            os.close(os.shmOpen(foreign, O_RDWR | O_CREAT | O_EXCL, 0600));
            os.semClose(os.semOpen(foreign, O_CREAT | O_EXCL, 0600, 0));
            os.semPost(goSem);
            os.semPost(goSem);
            assertEquals(0, run.get(3, TimeUnit.MINUTES), () -> out.toString(StandardCharsets.UTF_8) + err);
            List<String> left = machine.listShm();
            assertTrue(left.contains(ShmNamespace.objectFile(foreign)), left::toString);
            assertTrue(left.contains(ShmNamespace.semaphoreFile(foreign)), left::toString);
            assertFalse(left.contains(ShmNamespace.objectFile(own)), left::toString);
            assertFalse(left.contains(ShmNamespace.semaphoreFile(own + "-left")), left::toString);
            assertTrue(left.contains(ShmNamespace.semaphoreFile(ready)), "a name that existed before the run is left: " + left);
            os.semClose(readySem);
            os.semClose(goSem);
        } finally {
            runner.shutdownNow();
            runner.awaitTermination(3, TimeUnit.MINUTES);
            for (String name : List.of(foreign, own)) {
                Unlink.shmIfPresent(os, name);
            }
            for (String name : List.of(foreign, ready, go, own + "-left")) {
                Unlink.semIfPresent(os, name);
            }
        }
    }

    @Test
    void aReplayRemovesWhatItsProcessesMadeAndNotAFileTheyMadeOutsideTheirCalls() throws Exception {
        Path file = Files.writeString(dir.resolve("FileMaker.java"), FILE_MAKER);
        String own = "/" + TAG + "-maker";
        String foreign = TAG + "-file";
        try {
            assertEquals(0, shmlab("run", file.toString(), "--seed=3", "--", own, foreign), err::toString);
            Matcher token = Pattern.compile("schedule: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(token.find(), out::toString);
            removeFiles(foreign);
            int status = shmlab("replay", file.toString(), token.group(1), "--backend=native", "--", own, foreign);
            assertEquals(0, status, () -> out.toString(StandardCharsets.UTF_8) + err);
            String thisJvm = foreign + "-" + ProcessHandle.current().pid();
            List<String> left = machine.listShm();
            assertTrue(left.stream().anyMatch(n -> n.startsWith(foreign + "-") && !n.equals(thisJvm)),
                    () -> "the child JVMs' files are gone: " + left);
            assertFalse(left.contains(ShmNamespace.objectFile(own)), left::toString);
        } finally {
            removeFiles(foreign);
            Unlink.shmIfPresent(machine.spawn(), own);
        }
    }

    private void removeFiles(String prefix) throws IOException {
        for (String entry : machine.listShm()) {
            if (entry.startsWith(prefix + "-")) {
                Files.deleteIfExists(Path.of("/dev/shm", entry));
            }
        }
    }
}
