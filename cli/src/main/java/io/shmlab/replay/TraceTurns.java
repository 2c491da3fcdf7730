package io.shmlab.replay;

import io.shmlab.api.Syscall;
import io.shmlab.libc.turns.Turn;
import io.shmlab.libc.turns.TurnKind;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of turns a simulator trace gives real processes: one turn per step, in the trace's order.
 * A step that ran a call to its end is a {@link TurnKind#CALL}; the first blocking step of a call is
 * {@link TurnKind#BLOCKS}, a later one of the same call {@link TurnKind#BLOCKS_AGAIN}; the step where it
 * goes on is {@link TurnKind#RESUMED}; the end of a process is {@link TurnKind#EXIT} (the simulated exit
 * call just before it is part of it: a child JVM takes its exit turn once its program has returned).
 * A step that woke processes from a futex wait ({@link Step#wakes()}) says so in its turn, so that they
 * can be held still until their own turn.
 */
public final class TraceTurns {

    private TraceTurns() {
    }

    /**
     * The order of a trace's steps.
     *
     * @throws NotReplayableException when a step is a single memory access: real processes can be
     *     ordered only at their calls into the operating system
     */
    public static TurnOrder of(Trace trace) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < trace.labels().size(); i++) {
            index.put(trace.labels().get(i), i);
        }
        boolean[] inCall = new boolean[trace.labels().size()];
        List<Turn> turns = new ArrayList<>(trace.steps().size());
        for (Step s : trace.steps()) {
            int p = index.get(s.process());
            int wakes = wakes(s, index);
            switch (s.kind()) {
                case CALL -> {
                    if (s.call() != Syscall.EXIT) {
                        turns.add(new Turn(p, TurnKind.CALL, s.call(), wakes));
                    }
                }
                case BLOCKED -> {
                    turns.add(new Turn(p, inCall[p] ? TurnKind.BLOCKS_AGAIN : TurnKind.BLOCKS, s.call(), wakes));
                    inCall[p] = true;
                }
                case RESUMED -> {
                    turns.add(new Turn(p, TurnKind.RESUMED, s.call(), wakes));
                    inCall[p] = false;
                }
                case EXIT -> turns.add(new Turn(p, TurnKind.EXIT, Syscall.EXIT, wakes));
                case ACCESS -> throw new NotReplayableException("step " + s.index() + " (" + s
                        + ") is a single memory access; real processes can be ordered only at their calls into the OS");
                default -> throw new IllegalStateException("unknown step kind " + s.kind());
            }
        }
        return new TurnOrder(trace.labels().size(), turns);
    }

    /** The processes a step woke: bit i for process i. */
    private static int wakes(Step s, Map<String, Integer> index) {
        int mask = 0;
        for (String label : s.wakes()) {
            mask |= 1 << index.get(label);
        }
        return mask;
    }
}
