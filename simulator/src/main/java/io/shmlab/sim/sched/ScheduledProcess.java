package io.shmlab.sim.sched;

import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's record of one simulated process in one run: whether it may run, what it is blocked
 * on, the call it is in, and the trace row it is building. Only the thread holding the run's baton
 * reads or writes it.
 */
final class ScheduledProcess {

    /** Where a process stands. */
    enum State {
        /** May run when picked: not started yet, or at a scheduling point. */
        RUNNABLE,
        /** Waiting on a futex, perhaps with a deadline. */
        FUTEX_WAIT,
        /** Sleeping until a deadline. */
        SLEEPING,
        /** Its body has returned (or was unwound). */
        DONE
    }

    final int index;
    final int pid;
    final String label;
    final Baton baton = new Baton();

    State state = State.RUNNABLE;
    /** The call it is in or about to make; "start" before its first step. */
    String call = "start";
    String arguments;
    /** Where in the program the call or access was made (traced runs only). */
    StepSource source;
    /** True between enter and exit: memory accesses inside a call are the kernel's, not points. */
    boolean inCall;
    /** True once the call in progress has blocked: its end is a RESUMED step. */
    boolean resumed;
    FutexKey futexKey;
    long deadline = Long.MAX_VALUE;
    Dispatcher.Wake wake;
    /**
     * The run is over and this process has been told so (an error thrown into it): it is unwinding,
     * its calls go straight through and a block throws again.
     */
    boolean unwinding;
    List<String> notes;
    List<String> warnings;

    ScheduledProcess(int index, int pid) {
        this.index = index;
        this.pid = pid;
        this.label = label(index);
    }

    /** A, B, ..., Z, then P26, P27, ... */
    static String label(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index;
    }

    boolean live() {
        return state != State.DONE;
    }

    boolean blocked() {
        return state == State.FUTEX_WAIT || state == State.SLEEPING;
    }

    /** The call as C would write it. */
    String callText() {
        return arguments == null ? call + "()" : call + "(" + arguments + ")";
    }

    /** What the process would do when picked, for a stepping user. */
    String nextCall() {
        if (resumed) {
            return callText() + " (resumes: " + (wake == Dispatcher.Wake.TIMED_OUT ? "timed out" : "woken") + ")";
        }
        return call.equals("start") ? "start" : callText();
    }

    /** Where it stands, for a deadlock report: "has ended", "is blocked in sem_wait(...), waiting on ...". */
    String describeState() {
        return switch (state) {
            case DONE -> "has ended";
            case FUTEX_WAIT -> "is blocked in " + callText() + ", waiting on the futex at "
                    + (futexKey.shared() ? "object " : "address space ") + futexKey.space()
                    + " offset 0x" + Long.toHexString(futexKey.location());
            case SLEEPING -> "is sleeping in " + callText();
            case RUNNABLE -> "may run, next: " + nextCall();
        };
    }

    void note(String note) {
        if (notes == null) {
            notes = new ArrayList<>(2);
        }
        notes.add(note);
    }

    void warning(String warning) {
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(warning);
    }

    List<String> takeNotes() {
        List<String> n = notes == null ? List.of() : notes;
        notes = null;
        return n;
    }

    List<String> takeWarnings() {
        List<String> w = warnings == null ? List.of() : warnings;
        warnings = null;
        return w;
    }
}
