package io.shmlab.exec;

import io.shmlab.libc.exec.Choice;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.sim.sched.ExternalChoices;

/**
 * The order the operating system gives: the turn goes to the process that arrived at its call first
 * (each process runs to its next call and queues). The choices are recorded, so the run's schedule is
 * a token like any other.
 */
public final class ArrivalTurns implements TurnChooser {
    private final ExternalChoices record;

    /** @param record where the choices are written down, its schedule begun */
    public ArrivalTurns(ExternalChoices record) {
        this.record = record;
    }

    @Override
    public int choose(Choice choice) {
        int[] enabled = choice.enabled();
        int first = enabled[0];
        for (int e : enabled) {
            if (choice.arrival(e) < choice.arrival(first)) {
                first = e;
            }
        }
        record.note(first, enabled, choice.current(), choice.processes());
        return first;
    }
}
