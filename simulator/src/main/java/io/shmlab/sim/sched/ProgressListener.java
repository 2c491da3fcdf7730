package io.shmlab.sim.sched;

/** Told how an exploration is going, every few schedules and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    /** Listens to nothing. */
    ProgressListener NONE = soFar -> { };

    /** The counts so far. Called on the exploring thread: return quickly. */
    void progress(ExplorationReport soFar);
}
