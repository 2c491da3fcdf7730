package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Backends;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGINT and SIGTERM at fixed points of each long-running native command leave nothing in /dev/shm,
 * and the same command then runs clean. Each case runs the real {@code shmlab} main in a JVM of its
 * own, which signals itself at the point named by {@link TestHook}'s properties.
 */
class InterruptionTest {

    @BeforeAll
    static void needsNative() {
        Backend backend = Backends.get("native");
        assumeTrue(backend.unavailableReason() == null, () -> "native backend: " + backend.unavailableReason());
    }

    /** A failing schedule of ex5 with this name: a token records the lab's arguments, the name among them. */
    private static String token(String name) {
        Shmlab.Result explored = Shmlab.run("explore", "ex5", "--stop-at-first", "--name=" + name);
        Matcher m = Pattern.compile("failing schedule \\(shortest\\): (\\S+)").matcher(explored.out());
        assertTrue(m.find(), explored::toString);
        return m.group(1);
    }

    private record Ended(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs shmlab in a JVM of its own, signalling itself at the point; input is typed and left open unless {@code close}. */
    private static Ended shmlab(String point, String signal, String input, boolean close, List<String> args)
            throws IOException, InterruptedException {
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        jvmOptions.addAll(Shmlab.signalAt(point, signal));
        List<String> command = Shmlab.inItsOwnJvm(jvmOptions, args);
        Path out = Files.createTempFile("shmlab-out", ".txt");
        Path err = Files.createTempFile("shmlab-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            if (close) {
                stdin.close();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("shmlab did not end: " + Files.readString(out) + Files.readString(err));
            }
        } catch (IOException closedEarly) {
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Ended ended = new Ended(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return ended;
    }

    /** What the command left: entries of /dev/shm with the name, once no process it started runs on (one would make them again). */
    private static List<String> leftIn(String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!strays(name).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), strays(name), "processes of the interrupted command still running");
        String file = name.substring(1);
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            return entries.map(p -> p.getFileName().toString()).filter(f -> f.contains(file)).toList();
        }
    }

    /** The processes whose command line holds the name: child JVMs of the command that outlived it. */
    private static List<Long> strays(String name) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(name)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private static String name(String base) {
        return HostNames.unique("sig-" + base);
    }

    private static void assertInterrupted(Ended ended, String point, String signal) {
        int bySignal = signal.equals("INT") ? ExitCodes.INTERRUPTED : ExitCodes.TERMINATED;
        if (point.equals(TestHook.CLEAN_UP)) {
            // the command was ending anyway: its own status or the signal's, whichever came first
            assertTrue(ended.status() == bySignal || ended.status() == 0 || ended.status() == 1, ended::toString);
        } else {
            assertEquals(bySignal, ended.status(), ended::toString);
            assertTrue(ended.err().contains("shmlab: interrupted"), ended::toString);
        }
    }

    @ParameterizedTest(name = "run, SIG{1} at {0}")
    @CsvSource({"start-up, INT", "start-up, TERM", "children-started, INT", "children-started, TERM",
        "mid-run, INT", "mid-run, TERM", "clean-up, INT", "clean-up, TERM"})
    void runLeavesNothingBehind(String point, String signal) throws Exception {
        String name = name("run");
        Ended ended = shmlab(point, signal, "", true, List.of("run", "ex5-fixed", "--procs=2", "--backend=native", "--name=" + name));
        assertInterrupted(ended, point, signal);
        assertEquals(List.of(), leftIn(name), ended::toString);
    }

    @ParameterizedTest(name = "replay, SIG{1} at {0}")
    @CsvSource({"start-up, INT", "start-up, TERM", "children-started, INT", "children-started, TERM",
        "mid-run, INT", "mid-run, TERM", "clean-up, INT", "clean-up, TERM"})
    void replayLeavesNothingBehind(String point, String signal) throws Exception {
        String name = name("replay");
        Ended ended = shmlab(point, signal, "", true, List.of("replay", "ex5", token(name), "--backend=native", "--name=" + name));
        assertInterrupted(ended, point, signal);
        assertEquals(List.of(), leftIn(name), ended::toString);
    }

    @ParameterizedTest(name = "{0}, SIG{2} at {1}")
    @CsvSource({
        "ex1, start-up, INT", "ex1, children-started, TERM", "ex1, mid-run, INT", "ex1, clean-up, TERM",
        "ex2, start-up, TERM", "ex2, children-started, INT", "ex2, mid-run, TERM", "ex2, clean-up, INT",
        "ex3, start-up, INT", "ex3, children-started, TERM", "ex3, mid-run, INT",
        "ex4, start-up, TERM", "ex4, children-started, INT", "ex4, mid-run, TERM", "ex4, clean-up, INT"})
    void interactiveLabsLeaveNothingBehind(String lab, String point, String signal) throws Exception {
        String name = name(lab);
        boolean cleanUp = point.equals(TestHook.CLEAN_UP);
        List<String> args = new ArrayList<>(switch (lab) {
            case "ex2" -> List.of("ex2", "--rounds=" + (cleanUp ? "1" : "0"));
            case "ex3" -> List.of("ex3", "wait");
            default -> List.of(lab);
        });
        args.addAll(List.of("--backend=native", "--name=" + name));
        String input = switch (lab) {
            case "ex1" -> "w hello\nr\n" + (cleanUp ? "q\n" : "");
            case "ex4" -> "pone\n" + (cleanUp ? "q\n" : "");
            default -> "";
        };
        Ended ended = shmlab(point, signal, input, cleanUp, args);
        assertInterrupted(ended, point, signal);
        if (!cleanUp) {
            assertEquals(List.of(), leftIn(name), ended::toString);
        } else {
            // a lab that quits leaves its objects to the user, as the C program does; shmlab rm removes them
            Shmlab.run("rm", name, name + "-empty", name + "-full", name + "-mutex");
            assertEquals(List.of(), leftIn(name), ended::toString);
        }
    }


    /**
     * One's own program: each process makes an object and a semaphore named after its pid, then says
     * so with a file in a directory of the test's (each call has told its parent the name it made
     * before it returned), then sleeps. (A replay runs it in the simulator first: those processes'
     * files name pids that have no object in /dev/shm.)
     */
    private static final String SLEEPER = """
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;

            import io.shmlab.api.Os;
            import io.shmlab.api.Program;

            public class Sleeper implements Program {
                private final String base;
                private final String ready;

                public Sleeper(String[] args) {
                    base = args[0];
                    ready = args[1];
                }

                @Override
                public int main(Os os) {
                    os.ftruncate(os.shmOpen(base + "-" + os.pid(), O_RDWR | O_CREAT, 0600), 8);
                    os.semOpen(base + "-sem-" + os.pid(), O_CREAT, 0600, 0);
                    try {
                        java.nio.file.Files.write(java.nio.file.Path.of(ready, "ready-" + os.pid()), new byte[0]);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    os.sleep(java.time.Duration.ofSeconds(60));
                    return 0;
                }
            }
            """;

    /**
     * A signal in the middle of a native run of one's own program, once its processes have made their
     * names (the test signals when both said so, no hook): the command says it was interrupted, with
     * the signal's status and no verdict, and what the processes made is gone.
     */
    @ParameterizedTest(name = "own program, SIG{0} mid-run")
    @CsvSource({"INT", "TERM"})
    void anOwnProgramsRunLeavesNothingBehind(String signal) throws Exception {
        String name = name("own");
        Path dir = Files.createTempDirectory("shmlab-own");
        Path source = Files.writeString(dir.resolve("Sleeper.java"), SLEEPER);
        interruptWhenReady(dir, name, signal, 2,
                List.of("run", source.toString(), "--procs=2", "--backend=native", "--timeout=120s", "--", name, dir.toString()));
    }

    /** The same for a replay on native of a schedule the simulator ran (the processes take its turns). */
    @ParameterizedTest(name = "own program's replay, SIG{0} mid-run")
    @CsvSource({"INT", "TERM"})
    void anOwnProgramsReplayLeavesNothingBehind(String signal) throws Exception {
        String name = name("own-replay");
        Path dir = Files.createTempDirectory("shmlab-own");
        Path source = Files.writeString(dir.resolve("Sleeper.java"), SLEEPER);
        Shmlab.Result simulated = Shmlab.run("run", source.toString(), "--procs=2", "--", name, dir.toString());
        Matcher token = Pattern.compile("schedule: (\\S+)").matcher(simulated.out());
        assertTrue(token.find(), simulated::toString);
        interruptWhenReady(dir, name, signal, 1,
                List.of("replay", source.toString(), token.group(1), "--backend=native", "--timeout=120s", "--", name,
                        dir.toString()));
    }

    /**
     * Runs shmlab with the arguments in a JVM of its own, signals it once {@code processes} of its
     * processes have made their names, and checks that it says it was interrupted, gives no verdict and
     * leaves nothing in /dev/shm.
     */
    private static void interruptWhenReady(Path dir, String name, String signal, int processes, List<String> args)
            throws Exception {
        List<String> command = Shmlab.inItsOwnJvm(List.of(), args);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ready(dir, name) < processes && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(ready(dir, name) >= processes, () -> "the processes did not make their names: " + read(out) + read(err));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Ended ended = new Ended(p.exitValue(), read(out), read(err));
        assertInterrupted(ended, TestHook.MID_RUN, signal);
        assertTrue(!ended.out().contains("FAILED"), ended::toString);
        assertEquals(List.of(), leftIn(name), ended::toString);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** The real processes that made their names and said so: an object of /dev/shm and a file, by pid. */
    private static long ready(Path dir, String name) throws IOException {
        String prefix = name.substring(1) + "-";
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            return entries.map(e -> e.getFileName().toString()).filter(f -> f.startsWith(prefix))
                    .filter(f -> Files.exists(dir.resolve("ready-" + f.substring(prefix.length())))).count();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Test
    void theSameCommandsThenRunClean() throws Exception {
        String name = name("again");
        Ended interrupted = shmlab(TestHook.CHILDREN_STARTED, "INT", "", true,
                List.of("run", "ex5-fixed", "--procs=2", "--backend=native", "--name=" + name));
        assertEquals(ExitCodes.INTERRUPTED, interrupted.status(), interrupted::toString);
        Shmlab.Result run = Shmlab.run("run", "ex5-fixed", "--procs=2", "--backend=native", "--name=" + name);
        assertEquals(0, run.status(), run::toString);
        assertTrue(!run.out().contains("note:"), run::toString);

        Ended replayInterrupted = shmlab(TestHook.MID_RUN, "TERM", "", true,
                List.of("replay", "ex5", token(name), "--backend=native", "--name=" + name));
        assertEquals(ExitCodes.TERMINATED, replayInterrupted.status(), replayInterrupted::toString);
        Shmlab.Result replay = Shmlab.run("replay", "ex5", token(name), "--backend=native", "--name=" + name);
        assertEquals(ExitCodes.FAILED, replay.status(), replay::toString);
        assertTrue(replay.out().contains("native (hang"), replay::toString);
        assertEquals(List.of(), leftIn(name), replay::toString);

        Ended labInterrupted = shmlab(TestHook.MID_RUN, "INT", "pone\n", false, List.of("ex4", "--backend=native", "--name=" + name));
        assertEquals(ExitCodes.INTERRUPTED, labInterrupted.status(), labInterrupted::toString);
        Shmlab.Result lab = Shmlab.withInput("pone\ng\nq\n", "ex4", "--backend=native", "--name=" + name);
        assertEquals(0, lab.status(), lab::toString);
        assertTrue(lab.out().contains("> one\n"), lab::toString);
        Shmlab.run("rm", name, name + "-empty", name + "-full", name + "-mutex");
        assertEquals(List.of(), leftIn(name));
    }
}
