package io.shmlab.sim.sched;

import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexTable;
import java.util.List;

/**
 * The virtual CLOCK_REALTIME of one scheduled run and its timers: the deadlines of the processes
 * blocked in a timed futex wait or a sleep. No real time passes: the clock moves only when no process
 * may run, to the earliest deadline, and every process whose deadline has come then times out.
 */
final class VirtualClock {

    /** Where the virtual CLOCK_REALTIME starts: 2023-11-14T22:13:20Z, the same on every machine. */
    static final long EPOCH_NANOS = 1_700_000_000L * 1_000_000_000L;

    private long now = EPOCH_NANOS;

    /** The time now. */
    long now() {
        return now;
    }

    /** Whether a deadline has already come: a wait or sleep until it does not block. */
    boolean passed(long deadlineNanos) {
        return deadlineNanos <= now;
    }

    /**
     * Moves to the earliest deadline of a blocked process, and times out every process whose deadline
     * has come: off its futex queue, runnable again, told {@link Dispatcher.Wake#TIMED_OUT}.
     *
     * @param traced whether to record the time-out in the processes' next steps
     * @return false when no blocked process has a deadline (the clock stays)
     */
    boolean fireEarliest(List<ScheduledProcess> processes, FutexTable futexes, boolean traced) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < processes.size(); i++) {
            ScheduledProcess p = processes.get(i);
            if (p.blocked() && p.deadline < earliest) {
                earliest = p.deadline;
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return false;
        }
        now = earliest;
        for (int i = 0; i < processes.size(); i++) {
            ScheduledProcess p = processes.get(i);
            if (p.blocked() && p.deadline <= now) {
                if (p.waiter != null) {
                    futexes.leave(p.waiter);
                }
                p.resume(Dispatcher.Wake.TIMED_OUT);
                if (traced) {
                    p.timedOut = true;
                }
            }
        }
        return true;
    }
}
