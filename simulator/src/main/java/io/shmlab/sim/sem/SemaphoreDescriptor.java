package io.shmlab.sim.sem;

import io.shmlab.api.layout.SemT;

/**
 * What is left of the simulator's own description of {@code sem_t}, now {@link SemT} in the api:
 * the one offset a test outside the simulator still reads through this class.
 *
 * @deprecated use {@link SemT}; this class goes once its last user reads {@link SemT#NWAITERS_OFFSET}
 */
@Deprecated
public final class SemaphoreDescriptor {
    /** {@link SemT#NWAITERS_OFFSET}. */
    public static final int NWAITERS_OFFSET = SemT.NWAITERS_OFFSET;

    private SemaphoreDescriptor() {
    }
}
