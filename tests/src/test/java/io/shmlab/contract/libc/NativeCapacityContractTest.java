package io.shmlab.contract.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.ShmSize;
import io.shmlab.contract.CapacityContract;
import io.shmlab.libc.NativeBackend;
import io.shmlab.libc.PrivateTmpfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The capacity contract on the real kernel: each case in a child JVM started inside a mount namespace
 * of its own with a tmpfs of 1 MiB on /dev/shm ({@link PrivateTmpfs}); skipped, with the reason, where
 * that cannot be had (not root, no unshare).
 */
class NativeCapacityContractTest extends CapacityContract {

    @Override
    protected void run(String name) throws Exception {
        String backend = new NativeBackend().unavailableReason();
        assumeTrue(backend == null, () -> "native backend skipped: " + backend);
        String tmpfs = PrivateTmpfs.unavailableReason();
        assumeTrue(tmpfs == null, () -> "a tmpfs of 1 MiB in a mount namespace: " + tmpfs);
        try (PrivateTmpfs shm = PrivateTmpfs.mount(ShmSize.parse("1m"))) {
            List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "io.shmlab.contract.CapacityCases", name);
            Process child = new ProcessBuilder(shm.enter(java)).redirectErrorStream(true).start();
            child.getOutputStream().close();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, child.waitFor(2, TimeUnit.MINUTES), name + " did not end");
            assertEquals(0, child.exitValue(), name + " in a 1 MiB tmpfs:\n" + said);
        }
    }

    @Override
    protected boolean canFork() {
        return false;
    }
}
