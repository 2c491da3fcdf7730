package io.shmlab.libc.turns;

import io.shmlab.api.ProcessLabel;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parent's side of an ordered run: a process that blocks in the kernel never comes back to move
 * the cursor, so the supervisor, polled often, hands such a turn on, and tells when the run is over.
 *
 * <p>A turn of kind {@link TurnKind#BLOCKS} or {@link TurnKind#BLOCKS_AGAIN} is handed on when its
 * owner has been in the call (or back from it, awaiting its resumption) and asleep in the kernel for
 * the whole of a settle time, the cursor not moving meanwhile: the simulator's notion of blocked, seen
 * on the real process. Once every turn has been taken, processes still in their calls and asleep for
 * the settle time make a {@link Verdict#HANG}.
 *
 * <p>A woken process must not run before its turn: in the simulator a process woken by a sem_post
 * goes on only when scheduled, and another may take the semaphore first. So a turn whose call wakes
 * processes is held: the supervisor first stops them (SIGSTOP; their futex wait is interrupted and
 * restarted transparently, rechecking the word as a woken waiter does), then lets the turn's owner go;
 * a stopped process is continued (SIGCONT) when the cursor reaches its next turn. Every stopped process
 * is continued before a verdict other than RUNNING is given, and by {@link #resumeAll}.
 */
public final class Supervisor {
    /** How long a poll waits for the mutex before giving up until the next poll. */
    private static final Duration LOCK_PATIENCE = Duration.ofMillis(500);
    /** How long a SIGSTOP may take to show in /proc. */
    private static final long STOP_PATIENCE_NANOS = Duration.ofSeconds(2).toNanos();

    private final ControlBlock block;
    private final long settleNanos;
    private final SleepProbe probe;
    private final ProcessSignals signals;
    private final Set<Integer> frozen = new TreeSet<>();
    private final Set<Integer> ended = new TreeSet<>();
    private int released = -1;
    private int watchedCursor = -1;
    private long stableSince;
    private boolean stable;
    private String detail = "";

    /**
     * @param block the run's control block
     * @param settle how long a process must be seen blocked before its turn is handed on
     * @param probe what tells whether a thread sleeps in the kernel
     * @param signals what stops and continues a process
     */
    public Supervisor(ControlBlock block, Duration settle, SleepProbe probe, ProcessSignals signals) {
        this.block = block;
        this.settleNanos = settle.toNanos();
        this.probe = probe;
        this.signals = signals;
    }

    /**
     * Whether process {@code i} is to be stopped at the end of the run: every process after a
     * divergence; after a hang, those that never took their exit turn (the others are exiting by
     * themselves and are left to do it).
     */
    public boolean stuck(int i) {
        return !ended.contains(i);
    }

    /** Continues every process this supervisor stopped. */
    public void resumeAll() {
        for (int i : frozen) {
            signals.resume(block.pid(i));
        }
        frozen.clear();
    }

    /** What the last verdict other than RUNNING was about, in words. */
    public String detail() {
        return detail;
    }

    /**
     * Looks at the block once, at time {@code nowNanos} ({@link System#nanoTime()}), handing a blocked
     * turn on when it is due.
     */
    public Verdict poll(long nowNanos) {
        if (!block.tryLock(LOCK_PATIENCE)) {
            return Verdict.RUNNING;
        }
        try {
            Verdict v = pollLocked(nowNanos);
            if (v != Verdict.RUNNING) {
                resumeAll();
            }
            return v;
        } finally {
            block.unlock();
        }
    }

    private Verdict pollLocked(long now) {
        int n = block.processes();
        for (int i = 0; i < n; i++) {
            if (block.state(i) == ProcessState.DIVERGED) {
                detail = "process " + ProcessLabel.of(i) + " left the schedule at turn " + block.cursor();
                return Verdict.DIVERGED;
            }
        }
        int cursor = block.cursor();
        if (cursor != watchedCursor) {
            watchedCursor = cursor;
            stable = false;
        }
        if (cursor == block.turns()) {
            return atEnd(now);
        }
        Turn due = block.turn(cursor);
        int p = due.owner();
        if (frozen.remove(p)) {
            signals.resume(block.pid(p));
        }
        if (due.wakes() != 0 && released != cursor) {
            freezeWoken(due);
            block.release();
            released = cursor;
        }
        ProcessState state = block.state(p);
        if (state == ProcessState.ENDED) {
            detail = "turn " + cursor + " is " + TurnTaking.describe(due) + " but " + ProcessLabel.of(p) + " has ended";
            return Verdict.DIVERGED;
        }
        boolean blockedTurn = due.kind() == TurnKind.BLOCKS || due.kind() == TurnKind.BLOCKS_AGAIN;
        boolean blockedThere = state == ProcessState.AWAIT_RESUME && due.kind() == TurnKind.BLOCKS_AGAIN
                || state == ProcessState.IN_CALL && (due.kind() == TurnKind.BLOCKS_AGAIN || block.enteredOn(p) == cursor)
                        && probe.asleepInKernel(block.pid(p), block.tid(p));
        if (blockedTurn && blockedThere && held(now)) {
            block.advance();
            watchedCursor = block.cursor();
            stable = false;
        } else if (!(blockedTurn && blockedThere)) {
            stable = false;
        }
        return Verdict.RUNNING;
    }

    private Verdict atEnd(long now) {
        int n = block.processes();
        boolean allEnded = true;
        boolean allBlocked = true;
        StringBuilder blocked = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ProcessState s = block.state(i);
            if (s == ProcessState.ENDED) {
                ended.add(i);
                continue;
            }
            allEnded = false;
            boolean asleep = (s == ProcessState.IN_CALL || s == ProcessState.AWAIT_RESUME)
                    && (frozen.contains(i) || probe.asleepInKernel(block.pid(i), block.tid(i)));
            allBlocked &= asleep;
            blocked.append(blocked.length() == 0 ? "" : ", ").append(ProcessLabel.of(i))
                    .append(s == ProcessState.IN_CALL ? " in " + block.call(block.enteredOn(i)) : " " + s);
        }
        if (allEnded) {
            detail = "every turn was taken and every process ended";
            return Verdict.FOLLOWED;
        }
        if (allBlocked && held(now)) {
            detail = "every turn was taken; blocked for good: " + blocked;
            return Verdict.HANG;
        }
        if (!allBlocked) {
            stable = false;
        }
        return Verdict.RUNNING;
    }

    /**
     * Stops each process the turn's call will wake that sleeps in its call, and waits until it is
     * stopped, so the wake-up cannot let it run before its own turn.
     */
    private void freezeWoken(Turn due) {
        for (int q = 0; q < block.processes(); q++) {
            if (!due.wakes(q) || frozen.contains(q) || block.state(q) != ProcessState.IN_CALL) {
                continue;
            }
            int pid = block.pid(q);
            int tid = block.tid(q);
            signals.stop(pid);
            frozen.add(q);
            long deadline = System.nanoTime() + STOP_PATIENCE_NANOS;
            while (!probe.stoppedOrGone(pid, tid) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
    }

    /** True once the condition seen now has held, with the cursor still, for the settle time. */
    private boolean held(long now) {
        if (!stable) {
            stable = true;
            stableSince = now;
            return settleNanos == 0;
        }
        return now - stableSince >= settleNanos;
    }
}
