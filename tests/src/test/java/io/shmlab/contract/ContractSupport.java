package io.shmlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Errno;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What every contract test class shares: a machine of the backend under test, a process on it,
 * names unique to this run, and cleanup of every name the test made, even when it fails.
 *
 * <p>A subclass per backend only says which backend it is. A backend that cannot run here, or is not
 * built yet, is skipped by an assumption that gives its reason, never passed.
 */
public abstract class ContractSupport {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected Machine machine;
    protected Os os;
    private final List<String> shmNames = new ArrayList<>();
    private final List<String> semNames = new ArrayList<>();

    /** The backend under test. */
    protected abstract Backend backend();

    @BeforeEach
    void bootMachine() {
        Backend backend = backend();
        String reason = backend.unavailableReason();
        assumeTrue(reason == null, () -> backend.name() + " backend skipped: " + reason);
        machine = backend.boot();
        os = machine.spawn();
    }

    @AfterEach
    void removeNames() {
        if (machine == null) {
            return;
        }
        Os cleaner = machine.spawn();
        for (String name : shmNames) {
            Unlink.shmIfPresent(cleaner, name);
        }
        for (String name : semNames) {
            Unlink.semIfPresent(cleaner, name);
        }
        machine.close();
    }

    /** A shared memory object name unique to this run, removed after the test. */
    protected String shmName(String what) {
        String name = "/" + ShmLeakCheck.RUN_TAG + "-" + SEQUENCE.incrementAndGet() + "-" + what;
        shmNames.add(name);
        return name;
    }

    /** A named semaphore name unique to this run, removed after the test. */
    protected String semName(String what) {
        String name = "/" + ShmLeakCheck.RUN_TAG + "-" + SEQUENCE.incrementAndGet() + "-" + what;
        semNames.add(name);
        return name;
    }

    /** Asserts that the call fails with exactly this errno and returns the exception. */
    protected static PosixException assertErrno(Errno expected, Executable call) {
        PosixException e = assertThrows(PosixException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
        return e;
    }
}
