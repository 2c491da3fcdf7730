package io.shmlab.exec;

import io.shmlab.api.ProcessLabel;
import io.shmlab.libc.exec.Choice;
import io.shmlab.libc.exec.ExecDivergence;
import io.shmlab.libc.exec.ExecStep;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.libc.turns.Turn;
import io.shmlab.libc.turns.TurnKind;
import io.shmlab.libc.turns.TurnOrder;
import java.util.Locale;

/**
 * The order of turns of a schedule the simulator found on a Java program ({@code TraceTurns}), forced
 * on a C binary: each turn must find its process at the call the simulator's process made (or back
 * from the call it blocked in), and the call must block where the simulator's did; at the first
 * difference the run stops, saying which process, which call was expected and which came.
 *
 * <p>A woken waiter retries its wait on its own turn, as the simulator's does: that turn is the call
 * going on ({@link TurnKind#RESUMED}) or blocking again ({@link TurnKind#BLOCKS_AGAIN}).
 */
public final class ForcedTurns implements TurnChooser {
    private final TurnOrder order;
    private int next;
    private Turn awaited;
    private int awaitedIndex = -1;

    /** @param order the turns, in order */
    public ForcedTurns(TurnOrder order) {
        this.order = order;
    }

    @Override
    public int choose(Choice choice) {
        if (next >= order.size()) {
            int p = choice.enabled()[0];
            throw new ExecDivergence("the schedule has no turn left, but process " + ProcessLabel.of(p) + " "
                    + (choice.resuming(p) ? "is back from " : "calls ") + choice.call(p));
        }
        Turn t = order.turn(next);
        int p = t.owner();
        String where = "at turn " + next + " process " + ProcessLabel.of(p) + " was to ";
        if (p >= choice.processes() || !choice.isEnabled(p)) {
            throw new ExecDivergence(where + describe(t) + ", but it is not at a call (blocked, or gone)");
        }
        if (t.kind() == TurnKind.RESUMED || t.kind() == TurnKind.BLOCKS_AGAIN) {
            if (!choice.resuming(p)) {
                throw new ExecDivergence(where + "come back from " + t.call() + ", but it is still in it and calls "
                        + choice.call(p));
            }
        } else if (choice.resuming(p) || choice.call(p) != t.call()) {
            throw new ExecDivergence(where + describe(t) + ", and " + (choice.resuming(p) ? "comes back from " : "calls ")
                    + choice.call(p) + " instead");
        }
        awaited = t;
        awaitedIndex = next;
        next++;
        return p;
    }

    @Override
    public void took(ExecStep step) {
        if (awaited == null || step.process() != awaited.owner()) {
            return;
        }
        Turn t = awaited;
        awaited = null;
        if (t.kind() == TurnKind.BLOCKS && step.kind() != ExecStep.Kind.BLOCKED) {
            throw new ExecDivergence("at turn " + awaitedIndex + " process " + ProcessLabel.of(t.owner()) + "'s " + t.call()
                    + " was to block, and returned " + step.result());
        }
        if (t.kind() == TurnKind.BLOCKS_AGAIN && step.kind() != ExecStep.Kind.BLOCKED) {
            throw new ExecDivergence("at turn " + awaitedIndex + " process " + ProcessLabel.of(t.owner()) + "'s " + t.call()
                    + " was to block again, and returned " + step.result());
        }
        if (t.kind() == TurnKind.RESUMED && step.kind() == ExecStep.Kind.BLOCKED) {
            throw new ExecDivergence("at turn " + awaitedIndex + " process " + ProcessLabel.of(t.owner()) + "'s " + t.call()
                    + " was to come back, and blocked again");
        }
        if (t.kind() == TurnKind.CALL && step.kind() == ExecStep.Kind.BLOCKED) {
            throw new ExecDivergence("at turn " + awaitedIndex + " process " + ProcessLabel.of(t.owner()) + "'s " + t.call()
                    + " was to return, and blocked");
        }
    }

    @Override
    public void ended() {
        if (next < order.size()) {
            Turn t = order.turn(next);
            throw new ExecDivergence("the run has no turn left to give, but the schedule goes on: at turn " + next
                    + " process " + ProcessLabel.of(t.owner()) + " was to " + describe(t));
        }
    }

    /** How many turns were taken. */
    public int taken() {
        return next;
    }

    private static String describe(Turn t) {
        return switch (t.kind()) {
            case CALL -> "call " + t.call();
            case BLOCKS -> "call " + t.call() + " and block";
            case RESUMED -> "come back from " + t.call();
            case BLOCKS_AGAIN -> "retry " + t.call() + " and block again";
            case EXIT -> "end";
            default -> t.kind().name().toLowerCase(Locale.ROOT) + " " + t.call();
        };
    }
}
