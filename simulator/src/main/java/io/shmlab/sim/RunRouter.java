package io.shmlab.sim;

import io.shmlab.api.Access;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;

/**
 * The dispatcher of a machine that runs its processes directly, except during {@link SimMachine#run},
 * when a scheduler runs that run's processes: every kernel call goes to whichever is routed to.
 *
 * <p>A scheduled run has the machine to itself: processes of {@code spawn()} may sit idle meanwhile,
 * but calls they make during the run are refused by the scheduler (their pids are not its own).
 */
final class RunRouter implements Dispatcher {
    private final Dispatcher direct;
    private volatile Dispatcher target;

    RunRouter(Dispatcher direct) {
        this.direct = direct;
        this.target = direct;
    }

    /** Routes calls to a run's scheduler. */
    void route(Dispatcher scheduled) {
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
    public void enter(int pid, String call, String arguments) {
        target.enter(pid, call, arguments);
    }

    @Override
    public void exit(int pid, String result) {
        target.exit(pid, result);
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        target.access(pid, access, address, size);
    }

    @Override
    public Wake futexWait(int pid, FutexKey key, long deadlineNanos) {
        return target.futexWait(pid, key, deadlineNanos);
    }

    @Override
    public int futexWake(int pid, FutexKey key, int count) {
        return target.futexWake(pid, key, count);
    }

    @Override
    public long now() {
        return target.now();
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        target.sleepUntil(pid, deadlineNanos);
    }

    @Override
    public void warn(int pid, String message) {
        target.warn(pid, message);
    }

    @Override
    public void start(int pid, Runnable body) {
        target.start(pid, body);
    }

    @Override
    public void attach(int pid) {
        target.attach(pid);
    }

    @Override
    public void detach(int pid) {
        target.detach(pid);
    }
}
