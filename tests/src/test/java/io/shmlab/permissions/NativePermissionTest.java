package io.shmlab.permissions;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Machine;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.libc.NativeBackend;
import io.shmlab.support.CTool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real kernel: an object or a named semaphore created with mode 0600 refuses another,
 * unprivileged user with EACCES, and 0644 lets it read but not write. The other user is a C program run by setpriv
 * as nobody; the test needs root to do that, and is skipped with the reason elsewhere.
 */
class NativePermissionTest {
    private static final List<String> AS_NOBODY =
            List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    @TempDir
    Path scratch;
    private Machine machine;
    private Os os;
    private final String name = "/" + ShmLeakCheck.RUN_TAG + "-perm";

    @BeforeEach
    void boot() throws Exception {
        Backend backend = new NativeBackend();
        assumeTrue(backend.unavailableReason() == null, () -> "native backend: " + backend.unavailableReason());
        machine = backend.boot();
        os = machine.spawn();
        assumeTrue(os.uid() == 0, "running a process as another user needs root");
        assumeTrue(CTool.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"), 30)
                .exitCode() == 0, "setpriv cannot switch to nobody here");
    }

    @AfterEach
    void cleanUp() {
        if (machine == null) {
            return;
        }
        for (Runnable unlink : List.<Runnable>of(() -> os.shmUnlink(name), () -> os.semUnlink(name))) {
            try {
                unlink.run();
            } catch (RuntimeException ignored) {
                // not made by this test
            }
        }
        machine.close();
    }

    @Test
    void anotherUserIsRefusedA0600ObjectAndMayOnlyRead0644() throws Exception {
        CTool openAs = CTool.compile("open_as", scratch);
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        assertEquals("EACCES", openAs.run(AS_NOBODY, "shm-ro", name).output().trim());
        os.close(fd);
        os.shmUnlink(name);
        fd = os.shmOpen(name, O_RDWR | O_CREAT, 0644);
        assertEquals("ok", openAs.run(AS_NOBODY, "shm-ro", name).output().trim());
        assertEquals("EACCES", openAs.run(AS_NOBODY, "shm-rw", name).output().trim());
        os.close(fd);
    }

    @Test
    void anotherUserIsRefusedA0600Semaphore() throws Exception {
        CTool openAs = CTool.compile("open_as", scratch);
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 0);
        assertEquals("EACCES", openAs.run(AS_NOBODY, "sem", name).output().trim());
        os.semClose(sem);
    }
}
