package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command on a student's Windows or macOS laptop, as far as this machine can show it: every
 * command runs in a child JVM whose {@code os.name} says Windows (or macOS), which is what the native
 * backend checks first. The simulator's labs, {@code run}, {@code explore}, {@code replay},
 * {@code step} and {@code demo} work there; {@code --backend=native} says in one line why it cannot
 * run; and the child's class-loading log shows that nothing of JNR-FFI or jffi, nor the glibc binding,
 * was ever loaded.
 */
class WithoutNativeAccessTest {
    private static final String WINDOWS = "Windows 11";
    private static final String MAC = "Mac OS X";
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source:");

    @TempDir
    Path dir;

    /** A child JVM's run: what it printed, its status, and every class it loaded. */
    record Run(ChildProcess.Result result, List<String> loaded) {
        @Override
        public String toString() {
            return result.toString();
        }
    }

    private Run shmlab(String osName, String stdin, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Dos.name=" + osName,
                // a file name without a folder: -Xlog reads a colon (C:\...) as the end of the file name
                "-Xlog:class+load=info:file=" + log.getFileName(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ChildProcess.Result result = ChildProcess.run(dir, env -> env.remove("JAVA_TOOL_OPTIONS"), stdin, command);
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                loaded.add(m.group(1));
            }
        }
        Files.delete(log);
        return new Run(result, loaded);
    }

    /** Nothing native was touched: the log is real (it has the command's classes) and holds no binding. */
    private static void assertNothingNativeLoaded(Run run) {
        assertTrue(run.loaded().contains(Main.class.getName()), () -> "no class-loading log? " + run);
        List<String> nativeClasses = run.loaded().stream()
                .filter(c -> c.startsWith("jnr.") || c.startsWith("com.kenai.jffi.")
                        || c.equals("io.shmlab.libc.ThisProcess") || c.startsWith("io.shmlab.libc.GlibcLoader$"))
                .toList();
        assertEquals(List.of(), nativeClasses, run::toString);
    }

    static Stream<Arguments> simulatorCommands() {
        return Stream.of(
                Arguments.of(List.of("labs"), "", ExitCodes.OK, "ex5-fixed"),
                Arguments.of(List.of("ex1"), "A: w hello\nB: r\nA: q\nB: q\n", ExitCodes.OK, "B:    text: hello"),
                Arguments.of(List.of("ex2"), "", ExitCodes.OK, "W: writing letters into /os_cp"),
                Arguments.of(List.of("ex3", "wait"), "B: \n", ExitCodes.OK, "A: woken up: /ex3 was posted"),
                Arguments.of(List.of("ex4"), "A: g\nB: phello\nwait A\n", ExitCodes.OK, "A: hello"),
                Arguments.of(List.of("ex5"), "", ExitCodes.FAILED, "DEADLOCK"),
                Arguments.of(List.of("run", "ex1", "--procs=3"), "", ExitCodes.OK, "ok: all 3 process(es) exited with status 0"),
                Arguments.of(List.of("step", "ex5"), "A\nA\nB\nB\nB\nB\nB\nB\n" + "A\n".repeat(12), ExitCodes.FAILED,
                        "this run's schedule:"),
                Arguments.of(List.of("demo"), "", ExitCodes.OK, "never blocks"));
    }

    @ParameterizedTest(name = "shmlab {0}")
    @MethodSource("simulatorCommands")
    void simulatorCommandRunsWithoutNativeAccess(List<String> args, String stdin, int status, String printed) throws Exception {
        Run run = shmlab(WINDOWS, stdin, args.toArray(String[]::new));
        assertEquals(status, run.result().status(), run::toString);
        assertTrue(run.result().out().contains(printed), run::toString);
        assertNothingNativeLoaded(run);
    }

    @Test
    void exploreFindsTheLostWakeupAndReplayDrawsIt() throws Exception {
        Run explore = shmlab(WINDOWS, "", "explore", "ex5");
        assertEquals(ExitCodes.FAILED, explore.result().status(), explore::toString);
        Matcher token = Pattern.compile("shmlab replay ex5 (\\S+)").matcher(explore.result().out());
        assertTrue(token.find(), explore::toString);
        assertNothingNativeLoaded(explore);

        Run replay = shmlab(WINDOWS, "", "replay", "ex5", token.group(1));
        assertEquals(ExitCodes.FAILED, replay.result().status(), replay::toString);
        assertTrue(replay.result().out().contains("blocked forever in sem_wait"), replay::toString);
        assertNothingNativeLoaded(replay);
    }

    static Stream<Arguments> nativeCommands() {
        return Stream.of(
                Arguments.of(WINDOWS, List.of("run", "ex5", "--backend=native")),
                Arguments.of(WINDOWS, List.of("replay", "ex5", "AQACAKCNBgr18A", "--backend=native")),
                Arguments.of(MAC, List.of("ex1", "--backend=native")));
    }

    @ParameterizedTest(name = "on {0}: shmlab {1}")
    @MethodSource("nativeCommands")
    void nativeBackendSaysInOneLineWhyItCannotRun(String osName, List<String> args) throws Exception {
        Run run = shmlab(osName, "", args.toArray(String[]::new));
        assertEquals(ExitCodes.UNAVAILABLE, run.result().status(), run::toString);
        List<String> lines = run.result().err().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        assertTrue(lines.get(0).startsWith("shmlab: --backend=native cannot run here: the native backend needs Linux"), run::toString);
        assertTrue(lines.get(0).contains("needs Linux with glibc") && lines.get(0).endsWith(osName), run::toString);
        assertEquals("", run.result().out(), run::toString);
        assertNothingNativeLoaded(run);
    }
}
