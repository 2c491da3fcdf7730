package io.shmlab.sim.kernel;

/**
 * What a step did to the free pages of /dev/shm ({@link TmpfsSpace}), as the {@link TouchLog} hears
 * it. A refused charge saw too few free pages, which any charge or release may change; a release may
 * turn another's refusal into success, and another's success into a refusal's end; so touches of
 * different kinds are dependent. Two refusals commute (neither changes the count), and so do two
 * releases. Two successful charges give the same sum in either order, but they commute only if both
 * still succeed in either order: not so for two charges that each fit alone but not together (free 4,
 * one takes 1, the other 4). So a charge is told with its pages and the free pages left after it, and
 * two charges commute when there is room for both after each: {@code n1 + n2 <= min(left1, left2)}.
 * That slack also keeps a sleeping charge's footprint, told in an earlier state, good after charges
 * that commute with it (pages only grow scarcer through charges, and a release is dependent with every
 * charge).
 */
public enum SpaceUse {
    /** Pages were allocated: the first touch of a page, posix_fallocate, a named semaphore's file. */
    CHARGED,
    /** Pages were asked for and refused (ENOSPC, or SIGBUS on a first touch): nothing was allocated. */
    REFUSED,
    /** Pages were given back: a truncation, or the end of an object unlinked and no longer open or mapped. */
    RELEASED
}
