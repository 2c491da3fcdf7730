package io.shmlab.libc.exec;

import io.shmlab.api.Syscall;
import io.shmlab.libc.turns.ConductedBlock;
import io.shmlab.libc.turns.ConductedBlock.MadeName;
import io.shmlab.libc.turns.ControlBlockLayout;
import io.shmlab.libc.turns.ProcessState;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the processes of a conducted run through its control block and records what each turn did
 * as steps: a call that came back, a call that blocked, a blocked call going on (or blocking again), a
 * process's end; who woke whom; the names the processes made; the virtual clock of sleeps that take
 * no real time. {@link ExecRun} gives the turns; this says where every process is.
 */
final class RunFollower {
    final List<Slot> slots = new ArrayList<>();
    final List<ExecStep> steps = new ArrayList<>();
    private final ConductedBlock block;
    private final TurnChooser chooser;
    private final ExecRun.Listener listener;
    private final boolean realTime;
    private final List<MadeName> made = new ArrayList<>();
    private final List<String> wakesOfCurrent = new ArrayList<>();
    private final long startedAt = System.nanoTime();
    private long clock;
    private int current = -1;
    private int lastStepOfCurrent = -1;

    RunFollower(ConductedBlock block, TurnChooser chooser, ExecRun.Listener listener, boolean realTime) {
        this.block = block;
        this.chooser = chooser;
        this.listener = listener;
        this.realTime = realTime;
    }

    /** Process {@code p} was given a turn: what comes next is its doing. */
    void turnGiven(int p) {
        current = p;
        lastStepOfCurrent = -1;
        wakesOfCurrent.clear();
    }

    /** The process that took the last turn, -1 before the first. */
    int current() {
        return current;
    }

    /** Reads the block once and records what changed; true when something did. */
    boolean look() {
        boolean changed = false;
        block.lock();
        try {
            int used = block.slotsUsed();
            while (slots.size() < used) {
                Slot forked = new Slot(slots.size(), null, null);
                forked.pid = block.pid(forked.index);
                slots.add(forked);
                changed = true;
            }
            for (Slot s : slots) {
                if (!s.ended) {
                    changed |= follow(s);
                }
            }
            changed |= namesMade();
        } finally {
            block.unlock();
        }
        return changed;
    }

    /** What one process did since the last look. Under the mutex. */
    private boolean follow(Slot s) {
        ProcessState state = block.state(s.index);
        s.tid = block.tid(s.index);
        if (s.pid == 0) {
            s.pid = block.pid(s.index);
        }
        boolean dead = state != ProcessState.ENDED && !s.alive();
        if (s.given != null) {
            switch (state) {
                case WAITING_TURN, ENDED -> callCame(s);
                case BLOCKED -> blockedIn(s);
                case AWAIT_RESUME -> {
                    blockedIn(s);
                    backFrom(s);
                }
                default -> {
                    if (!dead) {
                        return false;
                    }
                    callCame(s);
                }
            }
        } else if (s.blocks != 0 && s.blocks != ControlBlockLayout.BLOCKS_VIRTUAL && state == ProcessState.AWAIT_RESUME && !s.resuming) {
            backFrom(s);
        } else if (state == ProcessState.WAITING_TURN && s.pending == null) {
            // parked after a turn that made no step of its own (a resumption) or at its first call
        } else if (state == ProcessState.ENDED || dead) {
            // ended or died outside a turn of its own
        } else {
            return false;
        }
        if (state == ProcessState.WAITING_TURN && s.pending == null) {
            s.pending = block.call(s.index);
            s.pendingText = block.callText(s.index);
        }
        if (state == ProcessState.ENDED || dead) {
            gone(s, state == ProcessState.ENDED);
        }
        return true;
    }

    private void callCame(Slot s) {
        Syscall call = s.given;
        String text = s.givenText;
        s.given = null;
        if (s.givenResume) {
            s.givenResume = false;
            String result = block.resultText(s.index);
            String wokenBy = s.wokenBy;
            boolean timedOut = s.timedOut;
            s.wokenBy = null;
            s.timedOut = false;
            step(new ExecStep(s.index, ExecStep.Kind.RESUMED, call, text, result.isEmpty() ? "(no return)" : result, now(),
                    wokenBy, timedOut, List.of(), List.of()));
            if (current == s.index) {
                lastStepOfCurrent = steps.size() - 1;
            }
            return;
        }
        if (call == Syscall.EXIT) {
            s.exitStatus = block.exitStatus(s.index);
            step(new ExecStep(s.index, ExecStep.Kind.CALL, call, text, "(no return)", now(), null, false, List.of(), List.of()));
            return;
        }
        String result = block.resultText(s.index);
        step(new ExecStep(s.index, ExecStep.Kind.CALL, call, text, result.isEmpty() ? "(no return)" : result, now(), null, false,
                List.of(), List.of()));
        if (current == s.index) {
            lastStepOfCurrent = steps.size() - 1;
        }
    }

    private void blockedIn(Slot s) {
        s.blockedCall = s.given;
        s.blockedText = s.givenText;
        s.given = null;
        s.givenResume = false;
        s.wokenBy = null;
        s.timedOut = false;
        s.blocks = block.blocks(s.index);
        s.waitAddress = block.waitAddress(s.index);
        if (s.blocks == ControlBlockLayout.BLOCKS_VIRTUAL) {
            s.deadline = clock + block.sleepNanos(s.index);
        }
        step(new ExecStep(s.index, ExecStep.Kind.BLOCKED, s.blockedCall, s.blockedText, null, now(), null, false, List.of(),
                List.of()));
        if (current == s.index) {
            lastStepOfCurrent = steps.size() - 1;
        }
    }

    /** A blocked call came back: woken by the process whose turn just ran, or timed out. */
    private void backFrom(Slot s) {
        s.resuming = true;
        String result = block.resultText(s.index);
        if (result.contains("ETIMEDOUT") || s.blocks == ControlBlockLayout.BLOCKS_TIMED && s.blockedCall == Syscall.NANOSLEEP) {
            s.wokenBy = null;
            s.timedOut = true;
        } else if (current >= 0 && current != s.index) {
            s.wokenBy = slots.get(current).label;
            s.timedOut = false;
            if (lastStepOfCurrent >= 0 && lastStepOfCurrent < steps.size()) {
                steps.set(lastStepOfCurrent, steps.get(lastStepOfCurrent).waking(s.label));
            } else {
                wakesOfCurrent.add(s.label);
            }
        }
    }

    private void gone(Slot s, boolean exited) {
        s.ended = true;
        s.dead = !exited;
        s.pending = null;
        s.resuming = false;
        if (exited) {
            s.exitStatus = block.exitStatus(s.index);
            step(new ExecStep(s.index, ExecStep.Kind.EXIT, Syscall.EXIT, "", null, now(), null, false, List.of(), List.of()));
        } else {
            step(new ExecStep(s.index, ExecStep.Kind.EXIT, Syscall.EXIT, "", null, now(), null, false, List.of(),
                    List.of(s.deathWords())));
        }
    }

    private boolean namesMade() {
        List<MadeName> now = block.madeNames();
        if (now.size() == made.size()) {
            return false;
        }
        for (MadeName name : now.subList(made.size(), now.size())) {
            listener.made(name);
        }
        made.clear();
        made.addAll(now);
        return true;
    }

    /** Moves the virtual clock to the earliest sleep's end; false when no process sleeps on it. */
    boolean fireVirtualClock() {
        long earliest = Long.MAX_VALUE;
        for (Slot s : slots) {
            if (!s.ended && s.blocks == ControlBlockLayout.BLOCKS_VIRTUAL && !s.resuming) {
                earliest = Math.min(earliest, s.deadline);
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return false;
        }
        clock = Math.max(clock, earliest);
        for (Slot s : slots) {
            if (!s.ended && s.blocks == ControlBlockLayout.BLOCKS_VIRTUAL && !s.resuming && s.deadline <= clock) {
                s.resuming = true;
                s.wokenBy = null;
                s.timedOut = true;
            }
        }
        return true;
    }

    long now() {
        return realTime ? System.nanoTime() - startedAt : clock;
    }

    private void step(ExecStep step) {
        if (step.process() == current && !wakesOfCurrent.isEmpty()) {
            for (String label : wakesOfCurrent) {
                step = step.waking(label);
            }
            wakesOfCurrent.clear();
        }
        steps.add(step);
        chooser.took(step);
    }
}
