package io.shmlab.sim.sched;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves control between the threads of one scheduled run: the thread that reaches a scheduling point
 * gives the next process's {@link Baton} and waits on its own. The thread that started the run (the
 * controller) runs the first process; when the run ends, control goes back to it, and it resumes each
 * process still live in turn so that it unwinds.
 */
final class HandOver {

    /**
     * The cores one run keeps busy when its processes poll for their turn: the process that runs, and
     * the next one, polling on another core until it is handed the turn. A hand-over then takes a
     * fraction of a microsecond; parked, it takes a wake-up by the kernel: some microseconds, tens when
     * the woken thread's core was idle, more than a step of a small program.
     */
    private static final int CORES_PER_RUN = 2;
    private static final int CORES = Math.max(CORES_PER_RUN, Runtime.getRuntime().availableProcessors());
    /**
     * Runs of at most this many processes poll: a waiting process polls a moment and then yields, so a
     * few of them leave the running one its core; in a run of hundreds, polling would take it.
     */
    private static final int POLLING_PROCESSES = 4 * CORES;
    /**
     * Workers of any exploration of this JVM exploring right now ({@link ExplorationWorkers}): each runs
     * one schedule at a time, and their runs share the cores.
     */
    private static final AtomicInteger EXPLORING_WORKERS = new AtomicInteger();

    private final Baton controller = new Baton();
    /** Whether waiting processes poll before parking. */
    private final boolean poll;

    /**
     * Waiting processes poll when the run is small and every run in progress (an exploration on
     * several threads runs several at once) has {@link #CORES_PER_RUN} cores; else they park.
     *
     * @param processes how many processes the run starts with
     */
    HandOver(int processes) {
        int concurrentRuns = Math.max(1, EXPLORING_WORKERS.get());
        this.poll = processes <= POLLING_PROCESSES && concurrentRuns * CORES_PER_RUN <= CORES;
    }

    /** A worker of an exploration starts exploring: its runs share the cores with the others' from now on. */
    static void workerExploring() {
        EXPLORING_WORKERS.incrementAndGet();
    }

    /** A worker that was exploring stopped. */
    static void workerStopped() {
        EXPLORING_WORKERS.decrementAndGet();
    }

    /** Lets {@code next} run, or, when the run is over ({@code null}), the controller. */
    void give(ScheduledProcess next, List<ScheduledProcess> processes) {
        if (next != null) {
            next.giveTurn(poll);
            return;
        }
        // back to the controller: to the first process's own wait if it is still live (it is then
        // unwound, since the run is over), else to the controller's baton
        ScheduledProcess first = processes.get(0);
        if (first.live()) {
            first.giveTurn(poll);
        } else {
            controller.give();
        }
    }

    /** Waits until the process is given control. */
    void await(ScheduledProcess p) {
        p.baton.await(poll);
    }

    /** The controller waits until control comes back to it. */
    void awaitController() {
        controller.await();
    }

    /**
     * Unwinds every live process but the first, one at a time, once the run is over; the first (the
     * controller's own) has ended by then.
     */
    void stopRemaining(List<ScheduledProcess> processes) {
        for (int i = 1; i < processes.size(); i++) {
            ScheduledProcess p = processes.get(i);
            if (p.live()) {
                p.giveTurn(poll);
                controller.await();
            }
        }
    }
}
