package io.shmlab.sim;

import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.ForwardingDispatcher;
import io.shmlab.sim.kernel.FutexTable;

/**
 * The dispatcher of a machine that runs its processes directly, except during {@link SimMachine#run},
 * when a scheduler runs that run's processes: every kernel call goes to whichever is routed to.
 *
 * <p>A scheduled run has the machine to itself: processes of {@code spawn()} may sit idle meanwhile,
 * but calls they make during the run are refused by the scheduler (their pids are not its own).
 */
final class RunRouter extends ForwardingDispatcher {
    private final Dispatcher direct;
    private volatile Dispatcher target;
    /** The machine's kernel's futex table, handed to each run's scheduler. */
    private FutexTable futexes;

    RunRouter(Dispatcher direct) {
        this.direct = direct;
        this.target = direct;
    }

    /** Routes calls to a run's scheduler, which the kernel's futex table now serves too. */
    void route(Dispatcher scheduled) {
        scheduled.useFutexTable(futexes);
        target = scheduled;
    }

    /** Routes calls back to the direct dispatcher. */
    void routeDirect() {
        target = direct;
    }

    /** The dispatcher calls go to when no scheduled run is going. */
    Dispatcher direct() {
        return direct;
    }

    @Override
    public void useFutexTable(FutexTable table) {
        futexes = table;
        direct.useFutexTable(table);
    }

    @Override
    protected Dispatcher delegate() {
        return target;
    }
}
