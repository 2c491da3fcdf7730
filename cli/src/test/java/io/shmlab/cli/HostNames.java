package io.shmlab.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Backends;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's names in the host's /dev/shm ({@code @RegisterExtension}): before each test a native
 * machine is booted (the test is skipped, saying why, where the native backend cannot run); names are
 * unique to the test JVM and the moment, and every object and semaphore handed out is removed after
 * the test, whether the test made it or the command under test did.
 */
final class HostNames implements BeforeEachCallback, AfterEachCallback {
    private final List<String> objects = new ArrayList<>();
    private final List<String> semaphores = new ArrayList<>();
    private Machine machine;
    private Os os;

    @Override
    public void beforeEach(ExtensionContext context) {
        Backend backend = Backends.get("native");
        assumeTrue(backend.unavailableReason() == null, () -> "native backend: " + backend.unavailableReason());
        machine = backend.boot();
        os = machine.spawn();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (machine == null) {
            return;
        }
        objects.forEach(n -> Unlink.shmIfPresent(os, n));
        semaphores.forEach(n -> Unlink.semIfPresent(os, n));
        objects.clear();
        semaphores.clear();
        machine.close();
        machine = null;
    }

    /** A name no other test uses: {@code /shmlab-test-BASE-PID-NANOS}; nothing is removed for it. */
    static String unique(String base) {
        return "/shmlab-test-" + base + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** A unique name for an object, removed after the test. */
    String object(String base) {
        String name = unique(base);
        objects.add(name);
        return name;
    }

    /** A unique name, removed after the test both as an object and as a semaphore. */
    String objectAndSemaphore(String base) {
        String name = object(base);
        semaphores.add(name);
        return name;
    }

    /** A semaphore's name, removed after the test. */
    String semaphore(String name) {
        semaphores.add(name);
        return name;
    }

    /** The machine the names are looked up and removed on. */
    Machine machine() {
        return machine;
    }

    /** A process of that machine, for the test's own calls. */
    Os os() {
        return os;
    }
}
