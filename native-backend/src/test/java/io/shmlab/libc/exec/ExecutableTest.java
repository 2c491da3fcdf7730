package io.shmlab.libc.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot run under the turnstile is refused in one line, before anything runs. */
class ExecutableTest {

    @Test
    void aScriptIsNotAnElfExecutable(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        NotRunnableException e = assertThrows(NotRunnableException.class, () -> Executable.check(script));
        assertEquals(script + " is not an ELF executable (a script? give the compiled program)", e.getMessage());
    }

    @Test
    void aMissingBinarySaysSo(@TempDir Path dir) {
        Path missing = dir.resolve("ex5");
        NotRunnableException e = assertThrows(NotRunnableException.class, () -> Executable.check(missing));
        assertEquals(missing + " does not exist", e.getMessage());
    }

    @Test
    void aDynamicallyLinkedProgramIsTaken() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(java.toAbsolutePath(), Executable.check(java));
    }

    @Test
    void withoutACompilerTheTurnstileCannotBeBuiltAndSaysSoInOneLine(@TempDir Path cache) {
        String cc = System.getProperty("shmlab.cc");
        String where = System.getProperty("shmlab.cache");
        System.setProperty("shmlab.cc", cache.resolve("no-such-gcc").toString());
        System.setProperty("shmlab.cache", cache.toString());
        try {
            NotRunnableException e = assertThrows(NotRunnableException.class, CBuild::turnstile);
            assertTrue(e.getMessage().startsWith("no C compiler: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        } finally {
            restore("shmlab.cc", cc);
            restore("shmlab.cache", where);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
