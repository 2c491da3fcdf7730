package io.shmlab.sim.sched;

/**
 * Decides who runs at each scheduling point, over a sequence of schedules.
 *
 * <p>An implementation decides from the {@link ChoicePoint} and its own state only (seeded random
 * numbers, counters): never from hash codes of identities, wall-clock time or thread timing, so that
 * the same seed gives the same schedules on any machine.
 */
public interface Strategy {

    /**
     * Prepares the next schedule.
     *
     * @return false when there is none left (an exhaustive search is complete)
     */
    boolean beginSchedule();

    /**
     * Picks the process to run next, called at every scheduling point of the schedule (also those with
     * a single enabled process, so that step-counting strategies see every step).
     *
     * @return the index of one of the point's enabled processes
     */
    int choose(ChoicePoint point);

    /** The schedule ended after {@code steps} scheduling points. */
    default void endSchedule(long steps) {
    }
}
