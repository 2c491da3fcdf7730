package io.shmlab.libc.turns;

import io.shmlab.api.ProcessLabel;
import io.shmlab.api.Syscall;
import java.util.Locale;

/**
 * One process's side of the turn protocol on a {@link ControlBlock}.
 *
 * <ol>
 *   <li>{@link #enter}: wait on its turnstile; the turn now due must be its own and for this call
 *       (else {@link ScheduleDivergence}); mark itself in the call.</li>
 *   <li>the call runs.</li>
 *   <li>{@link #leave}: a call whose turn was {@link TurnKind#CALL} moves the cursor on (posting the
 *       next owner). A call whose turn was {@link TurnKind#BLOCKS} moves it on if the supervisor has not
 *       already done so, then waits for its {@link TurnKind#RESUMED} turn and moves the cursor past
 *       it.</li>
 *   <li>{@link #exit}: when the program has ended, wait for the exit turn and move past it.</li>
 * </ol>
 */
public final class TurnTaking {
    private final ControlBlock block;
    private final int me;
    private final int pid;

    /**
     * @param block the run's control block
     * @param me this process's index
     * @param pid this process's pid
     */
    public TurnTaking(ControlBlock block, int me, int pid) {
        if (me < 0 || me >= block.processes()) {
            throw new IllegalArgumentException("process " + me + " of " + block.processes());
        }
        this.block = block;
        this.me = me;
        this.pid = pid;
    }

    /** This process's index. */
    public int index() {
        return me;
    }

    /**
     * Waits for this process's turn to enter {@code call}, and enters it.
     *
     * @throws ScheduleDivergence when the turn now due is not this call of this process
     */
    public void enter(Syscall call) {
        int tid = ProcThread.callingThread();
        block.lock();
        try {
            block.setThread(me, pid, tid);
            block.setState(me, ProcessState.WAITING_TURN);
        } finally {
            block.unlock();
        }
        block.awaitTurn(me);
        block.lock();
        try {
            int k = block.cursor();
            Turn due = k < block.turns() ? block.turn(k) : null;
            if (due == null || due.owner() != me
                    || (due.kind() != TurnKind.CALL && due.kind() != TurnKind.BLOCKS) || due.call() != call) {
                diverge("process " + ProcessLabel.of(me) + " calls " + call + " but turn " + k + " is "
                        + (due == null ? "past the end of the schedule" : describe(due)));
            }
            block.setEnteredOn(me, k);
            block.setState(me, ProcessState.IN_CALL);
        } finally {
            block.unlock();
        }
    }

    /** Leaves the call entered last, as the order says: see the class comment. */
    public void leave() {
        boolean resumes;
        block.lock();
        try {
            int k = block.enteredOn(me);
            if (block.kind(k) == TurnKind.CALL) {
                if (block.cursor() != k) {
                    diverge("process " + ProcessLabel.of(me) + " came back from " + block.call(k) + " of turn " + k
                            + " after the turn was handed on");
                }
                block.advance();
                block.setState(me, ProcessState.RUNNING);
                resumes = false;
            } else {
                if (block.cursor() == k) {
                    block.advance();
                }
                block.setState(me, ProcessState.AWAIT_RESUME);
                resumes = true;
            }
        } finally {
            block.unlock();
        }
        if (resumes) {
            takeOwn(TurnKind.RESUMED, null, ProcessState.RUNNING);
        }
    }

    /** Takes the exit turn once the program has ended. */
    public void exit() {
        block.lock();
        try {
            block.setState(me, ProcessState.WAITING_TURN);
        } finally {
            block.unlock();
        }
        takeOwn(TurnKind.EXIT, Syscall.EXIT, ProcessState.ENDED);
    }

    private void takeOwn(TurnKind kind, Syscall call, ProcessState after) {
        block.awaitTurn(me);
        block.lock();
        try {
            int k = block.cursor();
            Turn due = k < block.turns() ? block.turn(k) : null;
            if (due == null || due.owner() != me || due.kind() != kind || (call != null && due.call() != call)) {
                diverge("process " + ProcessLabel.of(me) + " is due a " + kind + " turn but turn " + k + " is "
                        + (due == null ? "past the end of the schedule" : describe(due)));
            }
            block.advance();
            block.setState(me, after);
        } finally {
            block.unlock();
        }
    }

    /** Marks this process diverged (the supervisor stops the run) and throws. Under the mutex. */
    private void diverge(String message) {
        block.setState(me, ProcessState.DIVERGED);
        throw new ScheduleDivergence("the run left the schedule: " + message);
    }

    static String describe(Turn t) {
        return ProcessLabel.of(t.owner()) + "'s " + t.kind().name().toLowerCase(Locale.ROOT) + " " + t.call();
    }
}
