package io.shmlab.sim.sched;

import io.shmlab.api.CheckVerdict;
import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import java.util.List;
import java.util.Map;

/** One booted world of a {@link Simulation}: it knows what its processes printed and how they ended. */
public interface World extends AutoCloseable {

    /**
     * How each process ended, in the order they were started.
     *
     * @param stopped the endings the scheduler imposed, by pid: {@link Ending.Blocked} for a process
     *     blocked forever, {@link Ending.Killed} (SIGKILL) for one stopped at the step limit; they
     *     override whatever the world saw of those processes
     */
    List<ProcessOutcome> outcomes(Map<Integer, Ending> stopped);

    /**
     * Runs the world's final check over the shared state, if it has one: called once, after a run in
     * which every process exited, before {@link #close()}.
     *
     * @return what the check said, or {@code null} when the world has no check
     */
    default CheckVerdict finalCheck() {
        return null;
    }

    /**
     * The machine's state now, for a traced run's picture: called after every step of a traced run
     * (never in exploration), by the thread holding the run's baton. A world that cannot be looked
     * at returns {@link WorldState#NONE}.
     */
    default WorldState state() {
        return WorldState.NONE;
    }

    /** Frees the world. */
    @Override
    void close();
}
