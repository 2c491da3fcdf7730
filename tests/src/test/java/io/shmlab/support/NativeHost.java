package io.shmlab.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Backends;
import io.shmlab.api.Machine;

/** The native backend's machine for a test, or the test skipped with the reason it cannot run here. */
public final class NativeHost {
    private NativeHost() {
    }

    /** Boots the native backend; where it cannot run, skips the test by an assumption that says why. */
    public static Machine bootOrSkip() {
        Backend backend = Backends.get("native");
        String reason = backend.unavailableReason();
        assumeTrue(reason == null, () -> "native backend: " + reason);
        return backend.boot();
    }
}
