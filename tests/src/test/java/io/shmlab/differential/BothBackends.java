package io.shmlab.differential;

import io.shmlab.libc.NativeBackend;
import io.shmlab.sim.SimBackend;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a differential property, with the reason, where either backend cannot run. */
public final class BothBackends implements SkipExecutionHook {

    /** Why the comparison cannot run here, or null. */
    static String missing() {
        String sim = new SimBackend().unavailableReason();
        String real = new NativeBackend().unavailableReason();
        if (sim == null && real == null) {
            return null;
        }
        return "needs both backends: sim " + (sim == null ? "ok" : "says " + sim)
                + "; native " + (real == null ? "ok" : "says " + real);
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String reason = missing();
        return reason == null ? SkipResult.doNotSkip() : SkipResult.skip(reason);
    }
}
