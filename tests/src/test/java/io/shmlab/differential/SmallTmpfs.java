package io.shmlab.differential;

import io.shmlab.libc.PrivateTmpfs;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a property that needs a small tmpfs of its own on /dev/shm, with the reason, where it cannot be had. */
public final class SmallTmpfs implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String both = BothBackends.missing();
        if (both != null) {
            return SkipResult.skip(both);
        }
        String reason = PrivateTmpfs.unavailableReason();
        return reason == null ? SkipResult.doNotSkip() : SkipResult.skip("a small tmpfs on /dev/shm: " + reason);
    }
}
