package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Machine;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program of one's own, a single .java file, run and replayed on real processes: the child JVMs get
 * its compiled classes, its final check runs in the parent after the run, and what it made in /dev/shm
 * is removed after the check.
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
}
