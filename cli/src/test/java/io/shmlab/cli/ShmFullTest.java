package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backends;
import io.shmlab.libc.PrivateTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shm-full lab and {@code --shm-size}: an object grown to 4 MiB with ftruncate and written page by
 * page dies of SIGBUS at page 256 in a /dev/shm of 1 MiB, on the simulator and on real processes (in a
 * tmpfs of their own); with {@code --fallocate} the lack of space is ENOSPC at once; a program of one's
 * own does the same; a token records the size it was found with.
 */
class ShmFullTest {
    private static final String NO_SPACE = "(offset 0x100000 in the mapping): write of a page never touched before:"
            + " /dev/shm (a tmpfs) has no space left to allocate it";
    private static final Pattern TOKEN = Pattern.compile("schedule: (\\S+)");

    static final String MY_FULL = """
            import static io.shmlab.api.MapFlags.MAP_SHARED;
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;
            import static io.shmlab.api.Protection.PROT_READ;
            import static io.shmlab.api.Protection.PROT_WRITE;

            import io.shmlab.api.Mapping;
            import io.shmlab.api.OpenFile;
            import io.shmlab.api.Os;
            import io.shmlab.api.Program;

            public class MyFull implements Program {
                @Override
                public int main(Os os) {
                    OpenFile fd = os.shmOpen("/my-full", O_RDWR | O_CREAT, 0600);
                    os.ftruncate(fd, 4 << 20);
                    Mapping p = os.mmap(4 << 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    for (long offset = 0; offset < 4 << 20; offset += 4096) {
                        p.putByte(offset, (byte) 1);
                    }
                    os.println("all written");
                    return 0;
                }
            }
            """;

    private static void assumeNativeTmpfs() {
        String backend = Backends.get("native").unavailableReason();
        assumeTrue(backend == null, () -> "native backend: " + backend);
        String tmpfs = PrivateTmpfs.unavailableReason();
        assumeTrue(tmpfs == null, () -> "a /dev/shm of its own: " + tmpfs);
    }

    private static boolean onHost(String entry) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            return entries.anyMatch(p -> p.getFileName().toString().equals(entry));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "native"})
    void inASmallShmTheWriterDiesOfSigbusPartWay(String backend) throws IOException {
        if (backend.equals("native")) {
            assumeNativeTmpfs();
        }
        boolean before = onHost("shm-full");
        Shmlab.Result r = Shmlab.run("run", "shm-full", "--shm-size=1m", "--backend=" + backend);
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("running shm-full in 1 process(es) on " + backend), r::toString);
        assertTrue(r.out().contains("A (pid "), r::toString);
        assertTrue(r.out().contains("killed by SIGBUS: at 0x"), r::toString);
        assertTrue(r.out().contains(NO_SPACE), r::toString);
        assertTrue(r.out().contains("|   1024 KiB written\n"), r::toString);
        assertFalse(r.out().contains("1280 KiB written"), r::toString);
        assertEquals(before, onHost("shm-full"), "nothing of the run reaches the host's /dev/shm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "native"})
    void withFallocateTheLackOfSpaceIsEnospcAtOnce(String backend) {
        if (backend.equals("native")) {
            assumeNativeTmpfs();
        }
        Shmlab.Result r = Shmlab.run("run", "shm-full", "--shm-size=1m", "--fallocate", "--backend=" + backend);
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("posix_fallocate(/shm-full, 0, 4194304): ENOSPC (No space left on device)"), r::toString);
        assertTrue(r.out().contains("said at once, before a byte was written"), r::toString);
        assertTrue(r.out().contains("exited with status 1"), r::toString);
        assertFalse(r.out().contains("writing it"), r::toString);
    }

    @Test
    void inTheNominalShmItWritesAllFourMib() {
        Shmlab.Result r = Shmlab.run("run", "shm-full");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("all 4 MiB written"), r::toString);
        Shmlab.Result allocated = Shmlab.run("run", "shm-full", "--fallocate", "--shm-size=64m");
        assertEquals(ExitCodes.OK, allocated.status(), allocated::toString);
        assertTrue(allocated.out().contains("all 4 MiB allocated, no write can SIGBUS now"), allocated::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "native"})
    void aProgramOfOnesOwnMeetsTheSameFullShm(String backend, @TempDir Path dir) throws IOException {
        if (backend.equals("native")) {
            assumeNativeTmpfs();
        }
        Path file = Files.writeString(dir.resolve("MyFull.java"), MY_FULL);
        Shmlab.Result r = Shmlab.run("run", file.toString(), "--shm-size=1m", "--backend=" + backend);
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertEquals(2, r.out().split("killed by SIGBUS: at 0x", -1).length - 1, "both processes: " + r);
        assertEquals(2, r.out().split(Pattern.quote(NO_SPACE), -1).length - 1, r::toString);
        assertFalse(r.out().contains("all written"), r::toString);
        assertFalse(onHost("my-full"), "nothing of the run reaches the host's /dev/shm");
    }

    @Test
    void aTokenRecordsTheSizeItWasFoundWith() {
        Shmlab.Result run = Shmlab.run("run", "shm-full", "--shm-size=1m");
        Matcher m = TOKEN.matcher(run.out());
        assertTrue(m.find(), run::toString);
        Shmlab.Result replayed = Shmlab.run("replay", "shm-full", m.group(1));
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains(NO_SPACE), replayed::toString);
        Shmlab.Result other = Shmlab.run("replay", "shm-full", m.group(1), "--shm-size=2m");
        assertEquals(ExitCodes.USAGE, other.status(), other::toString);
        assertTrue(other.err().contains("the token was found on a /dev/shm of 1 MiB (--shm-size=1m), not 2 MiB"), other::toString);
    }

    @Test
    void aTokenReplaysOnRealProcessesInATmpfsOfTheSizeItRecords() throws IOException {
        assumeNativeTmpfs();
        Shmlab.Result run = Shmlab.run("run", "shm-full", "--shm-size=1m", "--name=/shm-full-replayed");
        Matcher m = TOKEN.matcher(run.out());
        assertTrue(m.find(), run::toString);
        Shmlab.Result replayed = Shmlab.run("replay", "shm-full", m.group(1), "--name=/shm-full-replayed",
                "--backend=native");
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains("in a /dev/shm of 1 MiB of their own"), replayed::toString);
        String real = replayed.out().substring(replayed.out().indexOf("native ("));
        assertTrue(real.contains("killed by SIGBUS") && real.contains(NO_SPACE), replayed::toString);
        assertFalse(onHost("shm-full-replayed"), "the lab's object lived in the tmpfs");
        assertFalse(onHost("shm-full-replayed-turns"), "the control block, on the host's /dev/shm, is removed");
    }

    @Test
    void exploreCountsTheFault() {
        Shmlab.Result r = Shmlab.run("explore", "shm-full", "--procs=1", "--shm-size=1m");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains(", /dev/shm 1 MiB"), r::toString);
        assertTrue(r.out().matches("(?s).*  fault +1\n.*"), r::toString);
    }

    @Test
    void aSizeThatIsNoneIsAUsageError() {
        Shmlab.Result bad = Shmlab.run("run", "shm-full", "--shm-size=lots");
        assertEquals(ExitCodes.USAGE, bad.status(), bad::toString);
        assertTrue(bad.err().contains("--shm-size=lots: 'lots' is not a size"), bad::toString);
        Shmlab.Result zero = Shmlab.run("explore", "ex5", "--shm-size=0");
        assertEquals(ExitCodes.USAGE, zero.status(), zero::toString);
        assertTrue(zero.err().contains("needs at least one page"), zero::toString);
    }

    @Test
    void aCProgramRunsInTheHostsDevShmSoASizeIsRefusedWithExec() {
        for (String command : new String[] {"explore", "replay"}) {
            Shmlab.Result r = "explore".equals(command)
                    ? Shmlab.run("explore", "--exec", "./a.out", "--shm-size=1m")
                    : Shmlab.run("replay", "ex5", "AAAA", "--exec", "--shm-size=1m");
            assertEquals(ExitCodes.USAGE, r.status(), r::toString);
            assertTrue(r.err().contains("--shm-size does not go with --exec"), r::toString);
        }
    }

    @Test
    void anInteractiveLabOnNativeRunsInThisJvmAndSaysSo() {
        assumeTrue(Backends.get("native").unavailableReason() == null);
        Shmlab.Result r = Shmlab.withInput("q\n", "ex1", "--backend=native", "--shm-size=1m");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("ex1 --backend=native runs in this JVM, which cannot have a /dev/shm of its own"), r::toString);
    }

    @Test
    void psMapsAndLsInASessionShowSizeAgainstAllocatedPages() {
        Shmlab.Result r = Shmlab.withInput("A: w hi\nps\nmaps\nls\n", "ex1", "--name=/cap-ps", "--shm-size=64m");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("/dev/shm (tmpfs): 4 KiB of 64 MiB used (1 of 16384 pages)"), r::toString);
        assertTrue(r.out().contains("/cap-ps  (object: size 1028, 1 page allocated)"), r::toString);
        assertTrue(r.out().contains("  tmpfs: 4 KiB of 64 MiB used (1 of 16384 pages)"), r::toString);
        assertTrue(r.out().matches("(?s).*  /cap-ps +object +1028 +1 pg .*"), r::toString);
    }
}
