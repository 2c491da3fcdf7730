package io.shmlab.api;

import java.util.List;

/**
 * An operating system to run processes on: a simulated one, or the real host. Get one from
 * {@link Backend#boot()}; close it when done (a simulated machine is then gone with everything in
 * it; closing the host removes nothing).
 */
public interface Machine extends AutoCloseable {

    /** The backend this machine belongs to. */
    Backend backend();

    /**
     * A process to make calls from. On the simulator it is a new simulated process with its own
     * address space and pid; on the native backend it is a handle on this JVM's own process (every
     * handle has the same pid, and real separate processes come from {@link #run}).
     */
    Os spawn();

    /**
     * The names in the shared memory namespace, sorted, without the leading slash, as {@code ls
     * /dev/shm} shows them: objects by name, named semaphores as {@code sem.NAME}.
     */
    List<String> listShm();

    /**
     * Runs a program in several processes at once and waits for all of them to end (or to be found
     * blocked forever, or to go without progress for the timeout).
     */
    RunReport run(ProgramSpec program, RunOptions options);

    /** Shuts the machine down. */
    @Override
    void close();
}
