package io.shmlab.sim.sched;

import java.util.List;

/**
 * What a scheduled run did, step by step, in the order the steps ran: the picture of an interleaving.
 *
 * @param labels the processes' labels by index (A, B, ...)
 * @param pids the processes' pids by index
 * @param steps the steps, in the order they ran
 * @param ending how the run ended, in words: "every process ended", or the deadlock with each
 *     process's state and the call it is blocked in, or the step limit
 */
public record Trace(List<String> labels, List<Integer> pids, List<Step> steps, String ending) {

    /** Copies. */
    public Trace {
        labels = List.copyOf(labels);
        pids = List.copyOf(pids);
        steps = List.copyOf(steps);
    }

    /** The steps of one process. */
    public List<Step> stepsOf(String label) {
        return steps.stream().filter(s -> s.process().equals(label)).toList();
    }

    /** Every warning of the run, in order, each prefixed with its process's label. */
    public List<String> warnings() {
        return steps.stream().flatMap(s -> s.warnings().stream().map(w -> s.process() + ": " + w)).toList();
    }

    /** The steps, one per line, then the ending. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            b.append(s.index()).append(' ').append(s).append('\n');
        }
        return b.append(ending).append('\n').toString();
    }
}
