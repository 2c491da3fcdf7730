package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program of one's own from the command line, as the README's "Check your own program" shows it: a
 * single .java file, or --class with --classpath; its race found, its token replayed, bad input refused
 * in one line.
 */
class OwnProgramTest {
    private static final Pattern SEE_IT = Pattern.compile("see it: shmlab replay (.+)");

    static final String COUNTER = """
            import static io.shmlab.api.MapFlags.MAP_SHARED;
            import static io.shmlab.api.OpenFlags.O_CREAT;
            import static io.shmlab.api.OpenFlags.O_RDWR;
            import static io.shmlab.api.Protection.PROT_READ;
            import static io.shmlab.api.Protection.PROT_WRITE;

            import io.shmlab.api.Mapping;
            import io.shmlab.api.OpenFile;
            import io.shmlab.api.Os;
            import io.shmlab.api.Program;
            import io.shmlab.api.Semaphore;

            public class Counter implements Program {
                private final boolean locked;

                public Counter(String[] args) {
                    locked = args.length > 0 && args[0].equals("locked");
                }

                @Override
                public int main(Os os) {
                    OpenFile fd = os.shmOpen("/counter", O_RDWR | O_CREAT, 0600);
                    os.ftruncate(fd, 8);
                    Mapping shared = os.mmap(8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    Semaphore lock = os.semOpen("/counter-lock", O_CREAT, 0600, 1);
                    if (locked) {
                        os.semWait(lock);
                    }
                    int value = shared.getInt(0);
                    shared.putInt(0, value + 1);
                    if (locked) {
                        os.semPost(lock);
                    }
                    int finished = shared.getAndAddInt(4, 1) + 1;
                    if (finished == 2 && shared.getInt(0) != 2) {
                        os.println("lost update: the counter is " + shared.getInt(0));
                        return 1;
                    }
                    return 0;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSingleFileRaceIsFoundPerAccessAndItsTokenReplaysTheSameTimeline() throws IOException {
        Path file = write("Counter.java", COUNTER);
        Shmlab.Result explored = Shmlab.run("explore", file.toString(), "--per-access");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().startsWith("exploring Counter with 2 process(es)"), explored::toString);
        assertTrue(explored.out().contains("failed assertion"), explored::toString);
        String replay = seeIt(explored);
        assertTrue(replay.startsWith(file + " A"), replay);
        Shmlab.Result first = Shmlab.run(("replay " + replay).split(" "));
        assertEquals(ExitCodes.FAILED, first.status(), first::toString);
        assertTrue(first.out().contains("lost update: the counter is 1"), first::toString);
        assertEquals(first.out(), Shmlab.run(("replay " + replay).split(" ")).out());
    }

    @Test
    void atSystemCallsByDefaultAndWithASemaphoreTheProgramExploresClean() throws IOException {
        Path file = write("Counter.java", COUNTER);
        Shmlab.Result syscalls = Shmlab.run("explore", file.toString());
        assertEquals(ExitCodes.OK, syscalls.status(), syscalls::toString);
        assertTrue(syscalls.out().contains("switching at every system call\n"), syscalls::toString);
        Shmlab.Result locked = Shmlab.run("explore", file.toString(), "--per-access", "--", "locked");
        assertEquals(ExitCodes.OK, locked.status(), locked::toString);
        assertTrue(locked.out().contains("no failing schedule found"), locked::toString);
        assertTrue(locked.out().contains("(complete)"), locked::toString);
    }

    @Test
    void aClassOnAClassPathTakesTheSamePath() throws IOException {
        Path classes = compile(write("Counter.java", COUNTER));
        Shmlab.Result explored = Shmlab.run("explore", "--class", "Counter", "--classpath", classes.toString(), "--per-access");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        String replay = seeIt(explored);
        assertTrue(replay.startsWith("--class Counter --classpath " + classes + " A"), replay);
        Shmlab.Result replayed = Shmlab.run(("replay " + replay).split(" "));
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains("lost update: the counter is 1"), replayed::toString);
        Shmlab.Result locked = Shmlab.run("explore", "--class", "Counter", "--classpath", classes.toString(), "--per-access",
                "--", "locked");
        assertEquals(ExitCodes.OK, locked.status(), locked::toString);
    }

    @Test
    void runAndStepTakeAProgramToo() throws IOException {
        Path file = write("Counter.java", COUNTER);
        Shmlab.Result run = Shmlab.run("run", file.toString(), "--", "locked");
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        assertTrue(run.out().contains("replay it: shmlab replay " + file + " A"), run::toString);
        Shmlab.Result step = Shmlab.withInput("A\nB\n".repeat(60), "step", file.toString());
        assertTrue(step.out().contains("this run's schedule: "), step::toString);
    }

    @Test
    void theExamplesSingleFileFindsItsLostUpdate() {
        Shmlab.Result explored = Shmlab.run("explore", Checkout.file("examples/single-file/Counter.java").toString(),
                "--per-access");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().contains("failed assertion"), explored::toString);
    }

    @Test
    void aTokenOfAnotherProgramIsRefusedInOneLine() throws IOException {
        Path file = write("Counter.java", COUNTER);
        String token = seeIt(Shmlab.run("explore", file.toString(), "--per-access")).split(" ")[1];
        Shmlab.Result r = Shmlab.run("replay", "ex1", token);
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertOneLine(r, "the token was found for Counter, not for io.shmlab.labs.CounterRace -- /os_cp");
        Shmlab.Result args = Shmlab.run("replay", file.toString(), token, "--", "locked");
        assertEquals(ExitCodes.USAGE, args.status(), args::toString);
        assertOneLine(args, "the token was found for Counter with the arguments [], not [locked]");
    }

    @Test
    void aTokenOfARaceStillReplaysOnceTheProgramIsFixed() throws IOException {
        Path file = write("Counter.java", COUNTER);
        String token = seeIt(Shmlab.run("explore", file.toString(), "--per-access")).split(" ")[1];
        write("Counter.java", COUNTER.replace("locked = args.length > 0 && args[0].equals(\"locked\");", "locked = true;"));
        Shmlab.Result fixed = Shmlab.run("replay", file.toString(), token);
        assertEquals(ExitCodes.OK, fixed.status(), fixed::toString);
        assertTrue(fixed.out().contains("note: the program's code is not the one the token was found with"), fixed::toString);
    }

    @Test
    void aFileThatDoesNotCompileShowsJavacsMessagesAndOneLine() throws IOException {
        Path file = write("Broken.java", "public class Broken implements io.shmlab.api.Program {\n    int x = ;\n}\n");
        Shmlab.Result r = Shmlab.run("explore", file.toString());
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("Broken.java:2: error:"), r::toString);
        assertTrue(r.err().endsWith("shmlab: " + file + " does not compile (javac's messages above)\n"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void badProgramsAreRefusedInOneLine() throws IOException {
        Path notProgram = write("NotOne.java", "public class NotOne { }\n");
        assertOneLine(Shmlab.run("explore", notProgram.toString()), "NotOne does not implement io.shmlab.api.Program");
        Path noCtor = write("NoCtor.java", "public class NoCtor implements io.shmlab.api.Program {\n"
                + "    public NoCtor(int x) { }\n    public int main(io.shmlab.api.Os os) { return 0; }\n}\n");
        assertOneLine(Shmlab.run("explore", noCtor.toString()), "NoCtor has no public constructor taking (String[]) or no arguments");
        Path throwing = write("Throws.java", "public class Throws implements io.shmlab.api.Program {\n"
                + "    public Throws(String[] args) { throw new IllegalArgumentException(\"give a size\"); }\n"
                + "    public int main(io.shmlab.api.Os os) { return 0; }\n}\n");
        assertOneLine(Shmlab.run("explore", throwing.toString()),
                "the constructor of Throws threw java.lang.IllegalArgumentException: give a size");
        assertOneLine(Shmlab.run("explore", "--class", "Counter", "--classpath", dir.resolve("missing").toString()),
                "class path entry " + dir.resolve("missing") + " does not exist");
        assertOneLine(Shmlab.run("explore", "--class", "com.example.Nope", "--classpath", dir.toString()),
                "no class com.example.Nope on the class path");
        assertOneLine(Shmlab.run("explore", dir.resolve("Missing.java").toString()), "Missing.java: no such file");
        assertOneLine(Shmlab.run("explore", "ex5", "--", "x"), "the arguments after -- go to a program of your own");
    }

    @Test
    void aPerAccessTokenIsRefusedOnNativeInOneLine() throws IOException {
        Path file = write("Counter.java", COUNTER);
        String token = seeIt(Shmlab.run("explore", file.toString(), "--per-access")).split(" ")[1];
        Shmlab.Result r = Shmlab.run("replay", file.toString(), token, "--backend=native");
        assertTrue(r.status() != ExitCodes.OK, r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    private static void assertOneLine(Shmlab.Result r, String text) {
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("shmlab: ") && r.err().contains(text), r::toString);
    }

    private static String seeIt(Shmlab.Result explored) {
        Matcher m = SEE_IT.matcher(explored.out());
        assertTrue(m.find(), explored::toString);
        return m.group(1);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path compile(Path source) throws IOException {
        Path out = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("Counter.class")), files.toList());
        }
        return out;
    }
}
