package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash launcher, {@code shmlab}, on a machine with a JDK and no Maven. It runs, as a copy, in a
 * checkout of its own whose {@code mvnw} and {@code java} are stand-ins that write down how they were
 * called (the wrapper's stand-in "builds" the jar by writing it), with a PATH that holds only them and
 * the few tools the launcher uses: no {@code mvn}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BashLauncherTest {
    /** What the launcher runs on a machine with no Maven. */
    private static final String BUILD = "mvnw -B -q -pl cli -am package -DskipTests";
    /** What the launcher needs besides java; bash for its #! line, sh for the wrapper. */
    private static final List<String> TOOLS = List.of("bash", "sh", "dirname", "find", "head", "mktemp", "cat", "rm", "mkdir");
    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path dir;
    Path checkout;
    Path bin;
    Path calls;
    Path jar;

    @BeforeEach
    void checkoutWithStandIns() throws IOException {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = checkout.resolve("calls.log");
        jar = checkout.resolve("cli/target/shmlab.jar");
        Files.copy(Checkout.file("shmlab"), checkout.resolve("shmlab"));
        executable(checkout.resolve("shmlab"));
        source("pom.xml");
        source("cli/src/main/java/io/shmlab/cli/Main.java");
        source("simulator/src/main/java/io/shmlab/sim/Kernel.java");
        script(checkout.resolve("mvnw"), """
                echo "mvnw $*" >> "$(dirname "$0")/calls.log"
                if [ -n "${BUILD_FAILS:-}" ]; then echo "[ERROR] Main.java:[1,1] cannot find symbol"; exit 1; fi
                mkdir -p "$(dirname "$0")/cli/target" && echo jar > "$(dirname "$0")/cli/target/shmlab.jar"
                """);
        javaStandIn(bin, "java");
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
        }
    }

    private void source(String relative) throws IOException {
        Path file = checkout.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "source\n");
        Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO));
    }

    private void javaStandIn(Path folder, String name) throws IOException {
        script(folder.resolve("java"), "echo \"" + name + " $*\" >> '" + calls + "'\nprintf '[%s]' \"$@\"\necho\n");
    }

    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(tool + " is not on PATH"));
    }

    private ChildProcess.Result shmlab(Consumer<Map<String, String>> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("shmlab").toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(dir, env -> {
            env.put("PATH", bin.toString());
            env.remove("JAVA_HOME");
            env.remove("JAVA_OPTS");
            environment.accept(env);
        }, "", command);
    }

    private ChildProcess.Result shmlab(String... args) throws Exception {
        return shmlab(env -> { }, args);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private void jarBuilt(Instant when) throws IOException {
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar\n");
        Files.setLastModifiedTime(jar, FileTime.from(when));
    }

    /** Its staleness check looks at the modules the jar is built from: a module added to cli's dependencies is added to the list. */
    @Test
    void sourceFoldersAreTheModulesTheJarIsBuiltFrom() throws Exception {
        Matcher list = Pattern.compile("(?m)^modules=\\(([^)]*)\\)$").matcher(Checkout.read("shmlab"));
        assertTrue(list.find(), "shmlab has a line modules=(...)");
        SortedSet<String> folders = new TreeSet<>(List.of(list.group(1).trim().split("\\s+")));
        assertEquals(ReactorModules.read().builtFrom("cli"), folders);
    }

    @Test
    void buildsTheJarThroughTheWrapperWhereNoMavenIsInstalled() throws Exception {
        assertFalse(Files.exists(bin.resolve("mvn")));
        ChildProcess.Result r = shmlab("demo");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(BUILD, "java -jar " + jar + " demo"), calls(), r::toString);
        assertTrue(r.err().startsWith("shmlab: building the command-line jar"), r::toString);
        assertEquals("[-jar][" + jar + "][demo]\n", r.out(), r::toString);
    }

    @Test
    void runsTheJarWithoutBuildingWhenItIsNewerThanTheSources() throws Exception {
        jarBuilt(Instant.now());
        ChildProcess.Result r = shmlab("labs");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of("java -jar " + jar + " labs"), calls(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJar() throws Exception {
        jarBuilt(AN_HOUR_AGO.minus(1, ChronoUnit.HOURS));
        ChildProcess.Result r = shmlab("labs");
        assertEquals(List.of(BUILD, "java -jar " + jar + " labs"), calls(), r::toString);
    }

    @Test
    void rebuildOptionBuildsAndRunsTheRest() throws Exception {
        jarBuilt(Instant.now());
        ChildProcess.Result r = shmlab("--rebuild", "ex1", "--name=/a b");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(BUILD, "java -jar " + jar + " ex1 --name=/a b"), calls(), r::toString);
        assertEquals("[-jar][" + jar + "][ex1][--name=/a b]\n", r.out(), r::toString);
    }

    @Test
    void rebuildOptionAloneOnlyBuilds() throws Exception {
        jarBuilt(Instant.now());
        ChildProcess.Result r = shmlab("--rebuild");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(BUILD), calls(), r::toString);
    }

    @Test
    void usesTheWrapperEvenWhereMavenIsInstalled() throws Exception {
        script(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + calls + "'\nexit 1\n");
        ChildProcess.Result r = shmlab("demo");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(BUILD, "java -jar " + jar + " demo"), calls(), r::toString);
    }

    @Test
    void aFailedBuildShowsWhatTheBuildPrintedAndRunsNothing() throws Exception {
        ChildProcess.Result r = shmlab(env -> env.put("BUILD_FAILS", "yes"), "demo");
        assertEquals(1, r.status(), r::toString);
        assertEquals(List.of(BUILD), calls(), r::toString);
        assertTrue(r.err().contains("[ERROR] Main.java:[1,1] cannot find symbol"), r::toString);
        assertTrue(r.err().endsWith("shmlab: the build failed; see above\n"), r::toString);
    }

    @Test
    void javaHomePicksTheJdk() throws Exception {
        jarBuilt(Instant.now());
        Path jdk = dir.resolve("jdk");
        javaStandIn(jdk.resolve("bin"), "jdk-java");
        Files.delete(bin.resolve("java"));
        ChildProcess.Result r = shmlab(env -> env.put("JAVA_HOME", jdk.toString()), "labs");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of("jdk-java -jar " + jar + " labs"), calls(), r::toString);
    }

    @Test
    void javaOptsGoToTheJvm() throws Exception {
        jarBuilt(Instant.now());
        ChildProcess.Result r = shmlab(env -> env.put("JAVA_OPTS", "-Dshmlab.native.semaphoreSpins=0 -Xmx256m"), "labs");
        assertEquals(List.of("java -Dshmlab.native.semaphoreSpins=0 -Xmx256m -jar " + jar + " labs"), calls(), r::toString);
    }

    @Test
    void withoutJavaItSaysInOneLineWhatToInstall() throws Exception {
        Files.delete(bin.resolve("java"));
        ChildProcess.Result r = shmlab("demo");
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("install a JDK 17 or newer"), r::toString);
        assertEquals(List.of(), calls(), r::toString);
    }
}
