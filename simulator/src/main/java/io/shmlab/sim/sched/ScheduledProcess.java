package io.shmlab.sim.sched;

import io.shmlab.api.ProcessLabel;
import io.shmlab.api.Syscall;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.FutexTable;
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
    /** The thread that runs it, until its first turn; then null. */
    private ProcessThreads.Worker thread;
    /** What its thread runs from its first turn. */
    private Runnable body;

    State state = State.RUNNABLE;
    /** The call it is in or about to make; {@code null} before its first step. */
    Syscall call;
    String arguments;
    /** Where in the program the call or access was made (traced runs only). */
    StepSource source;
    /** For a memory access step: the first address and the size touched. */
    long accessAddress;
    int accessSize;
    /** True between enter and exit: memory accesses inside a call are the kernel's, not points. */
    boolean inCall;
    /** True once the call in progress has blocked: its end is a RESUMED step. */
    boolean resumed;
    /** Its place in the kernel's futex table while it waits on a futex. */
    FutexTable.Waiter waiter;
    long deadline = Long.MAX_VALUE;
    Dispatcher.Wake wake;
    /**
     * The run is over and this process has been told so (an error thrown into it): it is unwinding,
     * its calls go straight through and a block throws again.
     */
    boolean unwinding;
    /**
     * The number of the step that made it runnable (its wake, or the fork that made it), until its
     * next step is chosen; -1 otherwise. Kept only for a strategy that observes steps.
     */
    int enabledBy = -1;
    /** Who woke it from its wait, since its last step (traced runs only). */
    String wokenBy;
    /** Whether its wait timed out, since its last step (traced runs only). */
    boolean timedOut;
    /** The processes it woke during its current step (traced runs only). */
    List<String> wakes;
    List<String> warnings;

    ScheduledProcess(int index, int pid) {
        this.index = index;
        this.pid = pid;
        this.label = ProcessLabel.of(index);
    }

    /**
     * Its body will run on {@code thread} from its first turn: the thread is not woken before, so a
     * process costs one wake-up to start, not one to take the body and one more to take the turn.
     */
    void startOn(ProcessThreads.Worker thread, Runnable body) {
        this.thread = thread;
        this.body = body;
    }

    /**
     * Lets it run: its thread, handed its body, at its first turn; its baton after that.
     *
     * @param poll whether its thread, once the body is done, polls for its next before parking
     */
    void giveTurn(boolean poll) {
        ProcessThreads.Worker t = thread;
        if (t == null) {
            baton.give();
            return;
        }
        thread = null;
        Runnable b = body;
        body = null;
        t.run(b, poll);
    }

    boolean live() {
        return state != State.DONE;
    }

    boolean blocked() {
        return state == State.FUTEX_WAIT || state == State.SLEEPING;
    }

    /** It may run again: woken, or its deadline came. */
    void resume(Dispatcher.Wake why) {
        state = State.RUNNABLE;
        wake = why;
        deadline = Long.MAX_VALUE;
        waiter = null;
    }

    /** The call as C would write it. */
    String callText() {
        return arguments == null ? call.cName() + "()" : call.cName() + "(" + arguments + ")";
    }

    /** What the process would do when picked, for a stepping user. */
    String nextCall() {
        if (resumed) {
            return callText() + " (resumes: " + (wake == Dispatcher.Wake.TIMED_OUT ? "timed out" : "woken") + ")";
        }
        return call == null ? "start" : callText();
    }

    /** Where it stands, for a deadlock report: "has ended", "is blocked in sem_wait(...), waiting on ...". */
    String describeState() {
        return switch (state) {
            case DONE -> "has ended";
            case FUTEX_WAIT -> "is blocked in " + callText() + ", waiting on the futex at " + where(waiter.key());
            case SLEEPING -> "is sleeping in " + callText();
            case RUNNABLE -> "may run, next: " + nextCall();
        };
    }

    private static String where(FutexKey key) {
        return (key.shared() ? "object " : "address space ") + key.space() + " offset 0x"
                + Long.toHexString(key.location());
    }

    /** Records that its step woke another process. */
    void woke(String label) {
        if (wakes == null) {
            wakes = new ArrayList<>(2);
        }
        wakes.add(label);
    }

    void warning(String warning) {
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(warning);
    }

    /** The processes its step woke, and forgets them (with who woke it and whether it timed out). */
    List<String> takeWakes() {
        List<String> w = wakes == null ? List.of() : wakes;
        wakes = null;
        wokenBy = null;
        timedOut = false;
        return w;
    }

    List<String> takeWarnings() {
        List<String> w = warnings == null ? List.of() : warnings;
        warnings = null;
        return w;
    }
}
