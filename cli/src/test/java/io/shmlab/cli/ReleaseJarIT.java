package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backends;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release jar, {@code cli/target/shmlab.jar}, as a course page hands it out: one file, copied
 * alone into an empty folder, run with {@code java -jar} there. It runs after the package phase
 * (failsafe), on the jar just shaded.
 */
class ReleaseJarIT {
    private static final Path JAR = Checkout.file("cli/target/shmlab.jar");

    @TempDir
    Path dir;

    private ChildProcess.Result javaJar(String... args) throws Exception {
        Path copy = dir.resolve("shmlab.jar");
        if (!Files.exists(copy)) {
            Files.copy(JAR, copy);
        }
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.java(), "-jar", copy.getFileName().toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(dir, env -> env.remove("JAVA_TOOL_OPTIONS"), "", command);
    }

    @Test
    void runsTheDemoAloneInAnEmptyFolder() throws Exception {
        ChildProcess.Result r = javaJar("demo");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("The shortest failing schedule"), r::toString);
        assertTrue(r.out().contains("never blocks"), r::toString);
    }

    /** The native backend and its libraries are in the jar too: JNR-FFI, jffi's native stub, the child JVMs. */
    @Test
    void runsTheNativeBackendFromTheJarAlone() throws Exception {
        String why = Backends.get("native").unavailableReason();
        assumeTrue(why == null, () -> "native backend: " + why);
        String name = "/shmlab-release-jar-" + ProcessHandle.current().pid();
        ChildProcess.Result r = javaJar("run", "ex3", "--procs=2", "--backend=native", "--name=" + name);
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("woken up: " + name + " was posted"), r::toString);
        assertTrue(r.out().contains("ok: all 2 process(es) exited with status 0"), r::toString);
    }

    /** The launcher finds the jar fresh and runs it with nothing but a JDK and a shell's tools on PATH. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theLauncherRunsTheJarWhereThereIsNoMaven() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Checkout.file("shmlab"), checkout.resolve("shmlab"));
        Files.setPosixFilePermissions(checkout.resolve("shmlab"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(checkout.resolve("cli/target"));
        Files.copy(JAR, checkout.resolve("cli/target/shmlab.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "find", "head")) {
            Path found = List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
                    .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        Files.createSymbolicLink(bin.resolve("java"), Path.of(ChildProcess.java()));
        ChildProcess.Result r = ChildProcess.run(dir, env -> {
            env.put("PATH", bin.toString());
            env.remove("JAVA_HOME");
            env.remove("JAVA_OPTS");
        }, "", List.of(checkout.resolve("shmlab").toString(), "labs"));
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("ex5-fixed"), r::toString);
        assertEquals("", r.err(), r::toString);
    }
}
