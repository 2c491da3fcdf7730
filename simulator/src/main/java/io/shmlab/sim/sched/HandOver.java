package io.shmlab.sim.sched;

import java.util.List;

/**
 * Moves control between the threads of one scheduled run: the thread that reaches a scheduling point
 * gives the next process's {@link Baton} and waits on its own. The thread that started the run (the
 * controller) runs the first process; when the run ends, control goes back to it, and it resumes each
 * process still live in turn so that it unwinds.
 */
final class HandOver {

    /**
     * Runs with at most this many processes (all runs in progress together: an exploration on several
     * threads runs several at once) poll for their turn before parking; in larger runs a waiting
     * process is unlikely to be next, and polling would take a running one's core.
     */
    private static final int POLLING_PROCESSES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Baton controller = new Baton();
    /** Whether waiting processes poll before parking: only in runs of few processes. */
    private final boolean poll;

    /** @param processes how many processes the run starts with */
    HandOver(int processes) {
        this.poll = processes * ExplorationWorkers.concurrentRuns() <= POLLING_PROCESSES;
    }

    /** Lets {@code next} run, or, when the run is over ({@code null}), the controller. */
    void give(ScheduledProcess next, List<ScheduledProcess> processes) {
        if (next != null) {
            next.baton.give();
            return;
        }
        // back to the controller: to the first process's own wait if it is still live (it is then
        // unwound, since the run is over), else to the controller's baton
        ScheduledProcess first = processes.get(0);
        if (first.live()) {
            first.baton.give();
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
                p.baton.give();
                controller.await();
            }
        }
    }
}
