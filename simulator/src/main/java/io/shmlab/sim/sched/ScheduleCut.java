package io.shmlab.sim.sched;

/**
 * Thrown by a strategy's {@code choose} to stop the run at this point, before its end: the run ends
 * stopped, its processes told "stopped before the end: " and the reason. A search stops a schedule
 * whose every way on was explored already ({@link DporStrategy}: not counted), one whose prefix has
 * more preemptions than the level allows ({@link DfsStrategy}: not counted), and a short run at the
 * end of the prefix it follows ({@link PrefixProbe}); a stepping user stops the run by closing the
 * session ({@link Stepper}).
 */
final class ScheduleCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Every way on from this point was explored already. */
    ScheduleCut() {
        this("every way on from this point was explored already");
    }

    /** @param reason why the run stops here */
    ScheduleCut(String reason) {
        super(reason, null, false, false);
    }
}
