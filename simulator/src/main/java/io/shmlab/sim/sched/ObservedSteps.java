package io.shmlab.sim.sched;

import io.shmlab.sim.kernel.TouchLog;

/**
 * The steps of a run as a {@link StepObserver} (a partial-order reduction) is told them: numbered from
 * 0 in the order they were chosen, each with what it touched (its {@link FootprintRecorder} is the
 * run's {@link TouchLog}), the step that made its process runnable (a wake or a fork), and whether the
 * virtual clock moved after it. A run whose strategy observes nothing has none of this: its dispatcher
 * keeps no {@code ObservedSteps} and records nothing.
 *
 * <p>At each scheduling point: the point is reached ({@link #stepEnded}); the timers fire if no
 * process is enabled, and the observer is told of the step ({@link #tellAfterTimers}, else
 * {@link #tell}); the next process is chosen ({@link #chosen}). What is touched outside a step
 * (booting the world, the timers' expiry) belongs to none.
 *
 * <p>Used only by the thread holding the run's baton, like the rest of the dispatcher; nothing here
 * allocates but the footprint of each step.
 */
final class ObservedSteps {

    private final StepObserver observer;
    private final FootprintRecorder recorder = new FootprintRecorder();
    /** Steps chosen so far: the one in progress is number {@code chosen - 1}. */
    private int chosen;
    /** The step that made the process of the step in progress runnable, or -1. */
    private int runningEnabledBy = -1;
    /** The footprint of the step that ended at the point reached, until it is told; null before the first. */
    private StepFootprint ended;

    ObservedSteps(StepObserver observer) {
        this.observer = observer;
    }

    /** Where the kernel tells what the step in progress touches. */
    TouchLog touches() {
        return recorder;
    }

    /** The system call in progress returned: the objects it made are like any other from now on. */
    void callReturned() {
        recorder.endOfCall();
    }

    /** The step in progress made {@code p} runnable: it woke it, or forked it. */
    void enabled(ScheduledProcess p) {
        p.enabledBy = chosen - 1;
    }

    /**
     * A scheduling point is reached: the step in progress ended, and what it touched is taken. At the
     * first point no step has run: what booting the world touched is forgotten.
     */
    void stepEnded() {
        if (chosen == 0) {
            recorder.clear();
            ended = null;
        } else {
            ended = recorder.take();
        }
    }

    /** Tells the observer of the step that ended, with processes enabled after it: the clock did not move. */
    void tell() {
        if (ended != null) {
            observer.stepRan(ended, runningEnabledBy, false);
        }
    }

    /**
     * No process was enabled after the step that ended: the timers fired and the clock moved, or the
     * run is over. What the timers' expiry touched belongs to no step; the observer is told of the step.
     */
    void tellAfterTimers(boolean clockMoved) {
        if (ended != null) {
            recorder.clear();
            observer.stepRan(ended, runningEnabledBy, clockMoved);
        }
    }

    /** The next step is {@code next}'s. */
    void chosen(ScheduledProcess next) {
        chosen++;
        runningEnabledBy = next.enabledBy;
        next.enabledBy = -1;
    }
}
