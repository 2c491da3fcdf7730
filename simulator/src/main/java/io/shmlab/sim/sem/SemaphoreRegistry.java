package io.shmlab.sim.sem;

import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.KernelProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the machine knows about where semaphores are, to report undefined behaviour: which locations
 * sem_init (or sem_open) made a semaphore and which sem_destroy ended. It never changes an outcome;
 * it only records a report (and tells the dispatcher, for the trace), while the operation goes on as
 * glibc would.
 *
 * <p>Locations are physical (object and offset for shared memory), so process B's wait on the
 * {@code sem_t} process A initialised is known to be on an initialised semaphore.
 */
public final class SemaphoreRegistry {
    private enum State { LIVE, DESTROYED }

    private final Map<FutexKey, State> states = new ConcurrentHashMap<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();

    void initialised(FutexKey location) {
        states.put(location, State.LIVE);
    }

    void destroyed(FutexKey location) {
        states.put(location, State.DESTROYED);
    }

    /** Records misuse by a process and tells the dispatcher. */
    void report(KernelProcess process, String message) {
        reports.add(process.pid() + ": " + message);
        process.kernel().dispatcher().warn(process.pid(), message);
    }

    /** Records misuse noticed outside the semaphore code (sem_destroy of a named semaphore, ...). */
    public void reportMisuse(KernelProcess process, String message) {
        report(process, message);
    }

    /** Reports a wait or post on memory that is not a live semaphore. */
    void checkUse(KernelProcess process, SemaphoreCell cell, String call) {
        State state = states.get(cell.location());
        String where = "0x" + Long.toHexString(cell.address());
        if (state == null) {
            report(process, call + "(" + where + ") on memory never initialised as a semaphore (no sem_init)");
        } else if (state == State.DESTROYED) {
            report(process, call + "(" + where + ") on a semaphore destroyed by sem_destroy");
        }
    }

    /** The reports so far, oldest first, each "pid: message". */
    public List<String> reports() {
        return new ArrayList<>(reports);
    }
}
