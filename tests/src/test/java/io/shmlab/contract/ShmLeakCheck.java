package io.shmlab.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Takes a picture of /dev/shm when the test run starts, so that {@code ShmLeakTest}, which runs
 * last, can tell what the suite left behind. Every name the suite makes carries {@link #RUN_TAG}.
 */
public final class ShmLeakCheck implements LauncherSessionListener {
    /** A tag unique to this test JVM, in every name a test makes. */
    public static final String RUN_TAG = "shmlab-t" + Long.toString(ProcessHandle.current().pid(), 36)
            + Long.toString(System.nanoTime() & 0xffffff, 36).toLowerCase(Locale.ROOT);

    static final Path DEV_SHM = Path.of("/dev/shm");
    private static volatile Set<String> before;

    private static volatile long startedMillis = System.currentTimeMillis();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        startedMillis = System.currentTimeMillis();
        before = list();
    }

    /** When the test run started, in milliseconds since the epoch. */
    static long startedMillis() {
        return startedMillis;
    }

    /** The entries of /dev/shm when the run started (empty where there is no /dev/shm). */
    static Set<String> before() {
        return before == null ? Set.of() : before;
    }

    /** The entries of /dev/shm now. */
    static Set<String> list() {
        if (!Files.isDirectory(DEV_SHM)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(DEV_SHM)) {
            return entries.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /dev/shm", e);
        }
    }

    /** What this run made and left in /dev/shm. */
    static List<String> leftBehind() {
        Set<String> start = before();
        return list().stream().filter(n -> !start.contains(n)).filter(n -> n.contains(RUN_TAG)).toList();
    }
}
