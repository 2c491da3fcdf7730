package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Limits;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.SemT;
import io.shmlab.support.CTool;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sem_t} descriptor ({@link SemT}) against gcc and glibc on this machine: the sizes and
 * offsets gcc gives the declarations, and the bytes glibc's sem_init, sem_post and a blocked
 * sem_wait leave in a {@code sem_t} ({@code c/sem_t_layout.c}). Skipped, saying why, where gcc is
 * missing or the machine is not x86_64 Linux.
 */
class SemTAsGlibcLaysItOutTest {
    @TempDir
    Path scratch;
    private Map<String, Long> c;

    @BeforeEach
    void runTheCProgram() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the descriptor is glibc's x86_64 layout: this is " + System.getProperty("os.name") + " on "
                        + System.getProperty("os.arch"));
        CTool probe = CTool.compile("sem_t_layout", scratch);
        CTool.Result r = probe.run(List.of());
        assertEquals(0, r.exitCode(), r.output());
        c = new HashMap<>();
        for (String line : r.output().split("\n")) {
            String[] kv = line.split(" ");
            c.put(kv[0], Long.parseUnsignedLong(kv[1]));
        }
    }

    @Test
    void sizeAndAlignmentAreGccs() {
        assertEquals(c.get("sem_t.size"), (long) SemT.SIZE);
        assertEquals(c.get("sem_t.align"), (long) SemT.ALIGNMENT);
        assertEquals(c.get("sem_t.size"), CType.SEM_T.size());
        assertEquals(c.get("SEM_VALUE_MAX"), (long) SemT.VALUE_MAX);
        assertEquals(c.get("SEM_VALUE_MAX"), (long) Limits.SEM_VALUE_MAX);
    }

    @Test
    void glibcsStructHasTheDescriptorsOffsets() {
        assertEquals(c.get("new_sem.size"), SemT.NEW_SEM.size());
        assertEquals(c.get("new_sem.data"), (long) SemT.DATA_OFFSET);
        assertEquals(c.get("new_sem.private"), (long) SemT.PRIVATE_OFFSET);
        assertEquals(c.get("new_sem.pad"), (long) SemT.INIT_SIZE);
    }

    @Test
    void semInitStoresTheValueAndTheFutexFlagOnly() {
        assertEquals(c.get("shared.data"), SemT.data(5, 0));
        assertEquals(c.get("shared.private"), (long) SemT.FUTEX_SHARED);
        assertEquals(c.get("private.private"), (long) SemT.FUTEX_PRIVATE);
        assertEquals(c.get("shared.pad"), 0x55555555L, "sem_init leaves the padding as it was");
        assertEquals(c.get("posted.data"), SemT.data(6, 0));
    }

    @Test
    void aBlockedWaiterIsCountedInTheHighHalf() {
        assertEquals(c.get("waiting.data"), SemT.data(0, 1));
        assertEquals(c.get("waiting.data"), SemT.ONE_WAITER);
        assertEquals(c.get("woken.data"), SemT.data(0, 0));
    }
}
