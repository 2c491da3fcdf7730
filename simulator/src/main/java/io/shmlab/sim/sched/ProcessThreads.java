package io.shmlab.sim.sched;

import java.util.ArrayDeque;

/**
 * Platform threads that run simulated processes, kept between schedules: creating a thread costs
 * about a hundred microseconds, more than a whole schedule of a small program.
 *
 * <p>A worker runs one process body at a time and returns itself to the pool ({@link #release})
 * before the body hands control away for the last time, so the next schedule finds it idle.
 */
final class ProcessThreads implements AutoCloseable {

    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private int created;
    private boolean closed;

    /** An idle worker, or a new one. */
    synchronized Worker acquire() {
        if (closed) {
            throw new IllegalStateException("the process threads are closed");
        }
        Worker w = idle.pollLast();
        if (w == null) {
            w = new Worker(this, "shmlab-sim-" + created++);
            w.start();
        }
        return w;
    }

    /** Gives a worker back; called by the worker itself when its body has no more to do. */
    synchronized void release(Worker w) {
        if (closed) {
            w.stopLater();
        } else {
            idle.addLast(w);
        }
    }

    /** How many threads were ever created (for tests of reuse). */
    synchronized int created() {
        return created;
    }

    /** Stops the idle workers; busy ones stop when they come back. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!idle.isEmpty()) {
            idle.pollLast().stopLater();
        }
    }

    /** A reusable thread that runs one task per {@link #run} call. */
    static final class Worker extends Thread {
        private final Baton baton = new Baton();
        private final ProcessThreads pool;
        private volatile Runnable task;
        /** Whether it polls for its next task before parking: as the processes of the run it served did. */
        private volatile boolean pollWhenIdle = true;
        private volatile boolean stopping;

        Worker(ProcessThreads pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        /**
         * Runs the task on this worker.
         *
         * @param poll whether, once the task is done, it polls for the next before parking
         */
        void run(Runnable next, boolean poll) {
            task = next;
            pollWhenIdle = poll;
            baton.give();
        }

        /** Gives this worker back to its pool. */
        void release() {
            pool.release(this);
        }

        void stopLater() {
            stopping = true;
            baton.give();
        }

        @Override
        public void run() {
            while (true) {
                baton.await(pollWhenIdle);
                if (stopping) {
                    return;
                }
                Runnable t = task;
                task = null;
                t.run();
            }
        }
    }
}
