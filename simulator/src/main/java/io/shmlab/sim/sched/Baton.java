package io.shmlab.sim.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * The permission to run, handed from one thread to another: the one mechanism by which exactly one
 * simulated process (or the controller) runs at a time.
 *
 * <p>{@link #await()} spins briefly on a volatile flag, then yields a while, before parking, because
 * the next holder is usually ready within a fraction of a microsecond when two cores are free, and
 * parking and unparking costs some microseconds (far more on a loaded machine). {@link #give()} unparks only a waiter that said it parks (the flag and the
 * waiter field are both volatile, so either the giver sees the waiter or the waiter sees the flag).
 *
 * <p>Every {@code give} happens-before the {@code await} it releases returns, so whatever the giving
 * thread wrote (kernel state, the trace) is visible to the next holder.
 */
final class Baton {

    /** Polls before yielding: about a microsecond, enough when the giver runs on the other core. */
    private static final int SPINS = 1 << 8;
    /**
     * Polls with Thread.yield() before parking: when the machine is busier than its cores, the giver
     * may be waiting for this very core, and a yield lets it run where a spin would keep it out.
     */
    private static final int YIELDS = 1 << 10;

    private volatile boolean held;
    private volatile Thread waiter;

    /** Lets the thread waiting on this baton (now or later) run. */
    void give() {
        held = true;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Waits until the baton is given, then takes it, polling a while first. Interrupts are ignored. */
    void await() {
        await(true);
    }

    /**
     * Waits until the baton is given, then takes it. Interrupts are ignored.
     *
     * @param poll whether to spin and yield before parking: worth it only when this thread is likely
     *     to be next (a run of a few processes), a waste of the giver's core when it is one of many
     */
    void await(boolean poll) {
        if (!poll) {
            if (held) {
                held = false;
                return;
            }
            park();
            return;
        }
        for (int i = 0; i < SPINS; i++) {
            if (held) {
                held = false;
                return;
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < YIELDS; i++) {
            if (held) {
                held = false;
                return;
            }
            Thread.yield();
        }
        park();
    }

    private void park() {
        waiter = Thread.currentThread();
        while (!held) {
            LockSupport.park(this);
        }
        waiter = null;
        held = false;
    }
}
