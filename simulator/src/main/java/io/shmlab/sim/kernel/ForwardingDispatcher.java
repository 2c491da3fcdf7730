package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Syscall;

/**
 * A {@link Dispatcher} that hands every call to another one: the base of dispatchers that route or
 * watch the calls (a machine switching between its direct dispatcher and a run's scheduler, a test
 * that kills a process at a chosen step). Subclasses override what they change.
 */
public abstract class ForwardingDispatcher implements Dispatcher {

    /** The dispatcher the next call goes to (it may change between calls). */
    protected abstract Dispatcher delegate();

    @Override
    public void enter(int pid, Syscall call, String arguments) {
        delegate().enter(pid, call, arguments);
    }

    @Override
    public void exit(int pid, String result) {
        delegate().exit(pid, result);
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        delegate().access(pid, access, address, size);
    }

    @Override
    public void useFutexTable(FutexTable futexes) {
        delegate().useFutexTable(futexes);
    }

    @Override
    public Wake park(FutexTable.Waiter waiter) {
        return delegate().park(waiter);
    }

    @Override
    public void unpark(int pid, FutexTable.Waiter waiter) {
        delegate().unpark(pid, waiter);
    }

    @Override
    public TouchLog touches() {
        return delegate().touches();
    }

    @Override
    public boolean spuriousEintr() {
        return delegate().spuriousEintr();
    }

    @Override
    public long now() {
        return delegate().now();
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        delegate().sleepUntil(pid, deadlineNanos);
    }

    @Override
    public void warn(int pid, String message) {
        delegate().warn(pid, message);
    }

    @Override
    public void start(int pid, Runnable body) {
        delegate().start(pid, body);
    }

    @Override
    public void attach(int pid) {
        delegate().attach(pid);
    }

    @Override
    public void detach(int pid) {
        delegate().detach(pid);
    }
}
