package io.shmlab.sim.kernel;

/**
 * What a step did to the free pages of /dev/shm ({@link TmpfsSpace}), as the {@link TouchLog} hears
 * it. The free count is a counter that successful charges only add to, so two of them give the same
 * sum in either order and both still succeed: they commute. A refused charge saw too few free pages,
 * which any other charge or a release may change; a release may turn another's refusal into success.
 * So two touches of the space are dependent exactly when they differ in kind.
 */
public enum SpaceUse {
    /** Pages were allocated: the first touch of a page, posix_fallocate, a named semaphore's file. */
    CHARGED,
    /** Pages were asked for and refused (ENOSPC, or SIGBUS on a first touch): nothing was allocated. */
    REFUSED,
    /** Pages were given back: a truncation, or the end of an object unlinked and no longer open or mapped. */
    RELEASED
}
