package io.shmlab.sim.sched;

/** Told how an exploration is going, every few schedules and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    /** Listens to nothing. */
    // a class, not a lambda: a lambda is spun at run time on first use, which a fresh JVM pays for
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(ExplorationReport soFar) {
        }
    };

    /** The counts so far. Called on the exploring thread: return quickly. */
    void progress(ExplorationReport soFar);

    /**
     * A failing schedule, as soon as it has run (each distinct schedule once). Called on the
     * exploring thread: return quickly.
     *
     * @param token the token that replays it
     * @param outcome how it failed
     * @param steps how many scheduling points it passed
     */
    default void failingSchedule(String token, Outcome outcome, long steps) {
    }
}
