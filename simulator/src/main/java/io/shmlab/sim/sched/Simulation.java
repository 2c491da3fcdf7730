package io.shmlab.sim.sched;

import io.shmlab.api.ShmSize;
import io.shmlab.sim.kernel.Dispatcher;

/**
 * Something the scheduler can run many times, each time from scratch: a program on a simulated
 * machine, or (in tests) a few processes calling the dispatcher directly.
 *
 * <p>Every schedule boots a fresh world, so schedules are independent: an object left in the shared
 * memory namespace by one schedule does not exist in the next.
 */
@FunctionalInterface
public interface Simulation {

    /**
     * Boots a fresh world on the dispatcher and starts its first processes with
     * {@link Dispatcher#start}. Nothing runs until the scheduler picks a process.
     *
     * @param processes how many processes to start
     * @param seed the machine seed (address-space layout)
     */
    World boot(Dispatcher dispatcher, int processes, long seed);

    /**
     * What the schedule tokens of this simulation record they were found for (a program's class name
     * and arguments), so that a token replayed against another program is refused; {@code null} when
     * they record nothing (a simulation that is not a program, as in tests).
     */
    default Schedule.FoundFor foundFor() {
        return null;
    }

    /**
     * The capacity of the /dev/shm of the machines it boots, which its schedule tokens record when it
     * is not the nominal 8 GiB: a token replays only on a machine of the same capacity.
     */
    default ShmSize shmSize() {
        return ShmSize.NOMINAL;
    }
}
