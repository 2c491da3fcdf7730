package io.shmlab.exec;

import io.shmlab.libc.exec.Choice;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.sim.sched.ExternalChoices;

/** Turns chosen by a simulator strategy, or by a token's choices ({@link ExternalChoices}). */
public final class StrategyTurns implements TurnChooser {
    private final ExternalChoices choices;

    /** @param choices the strategy or token, its schedule begun */
    public StrategyTurns(ExternalChoices choices) {
        this.choices = choices;
    }

    @Override
    public int choose(Choice choice) {
        try {
            return choices.choose(choice.enabled(), choice.current(), choice.processes());
        } catch (IllegalStateException e) {
            throw new NotRepeatableException("the program did not run the same way twice under the same choices"
                    + " (it reads the clock, or a sleep takes real time?): " + e.getMessage());
        }
    }
}
