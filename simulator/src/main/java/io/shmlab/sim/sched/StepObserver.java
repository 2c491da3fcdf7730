package io.shmlab.sim.sched;

/**
 * A {@link Strategy} that wants to know what each step touched (a partial-order reduction): the
 * scheduled run then records footprints ({@link FootprintRecorder}) and reports every step once it
 * has run, before the next choice ({@link ObservedSteps}). Runs of other strategies record nothing.
 */
interface StepObserver {

    /**
     * The step chosen at the last scheduling point has run.
     *
     * @param footprint what it touched that another process could see
     * @param enabledBy the number (from 0) of the step that made this process runnable again just
     *     before this step (the wake of its futex wait, or the fork that made it), or -1
     * @param clockMoved whether the virtual clock moved after this step, before the next point (every
     *     process was blocked and a timer fired): dependent with every step
     */
    void stepRan(StepFootprint footprint, int enabledBy, boolean clockMoved);
}
