package io.shmlab.sim.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * The permission to run, handed from one thread to another: the one mechanism by which exactly one
 * simulated process (or the controller) runs at a time.
 *
 * <p>{@link #await()} spins briefly on a volatile flag before parking, because the next holder is
 * usually ready within a fraction of a microsecond when two cores are free, and parking and unparking
 * costs some microseconds. {@link #give()} unparks only a waiter that said it parks (the flag and the
 * waiter field are both volatile, so either the giver sees the waiter or the waiter sees the flag).
 *
 * <p>Every {@code give} happens-before the {@code await} it releases returns, so whatever the giving
 * thread wrote (kernel state, the trace) is visible to the next holder.
 */
final class Baton {

    /** Spins before parking: a few microseconds of polling, no wall-clock reading involved. */
    private static final int SPINS = 1 << 12;

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

    /** Waits until the baton is given, then takes it. Interrupts are ignored. */
    void await() {
        for (int i = 0; i < SPINS; i++) {
            if (held) {
                held = false;
                return;
            }
            Thread.onSpinWait();
        }
        waiter = Thread.currentThread();
        while (!held) {
            LockSupport.park(this);
        }
        waiter = null;
        held = false;
    }
}
