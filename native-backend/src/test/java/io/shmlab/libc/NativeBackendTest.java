package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Backends;
import org.junit.jupiter.api.Test;

/** The backend by name, and what it says where it cannot run. */
class NativeBackendTest {

    @Test
    void isFoundByNameAndRunsRealProcessesThatCannotForkAsTheKernelSchedulesThem() {
        assertEquals(NativeBackend.class, Backends.get("native").getClass());
        NativeBackend backend = new NativeBackend();
        assertFalse(backend.canFork());
        assertTrue(backend.runsRealProcesses());
        assertFalse(backend.isDeterministic());
    }

    @Test
    void isAvailableOnX8664LinuxWithGlibc() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "this is not x86_64 Linux");
        assertNull(new NativeBackend().unavailableReason());
    }

    @Test
    void elsewhereItSaysWhyAndRefusesToBoot() {
        String real = System.getProperty("os.name");
        System.setProperty("os.name", "Mac OS X");
        try {
            NativeBackend backend = new NativeBackend();
            String reason = backend.unavailableReason();
            assertTrue(reason.contains("needs Linux with glibc") && reason.contains("Mac OS X"), reason);
            assertEquals(reason, assertThrows(BackendUnavailableException.class, backend::boot).getMessage());
        } finally {
            System.setProperty("os.name", real);
        }
    }
}
