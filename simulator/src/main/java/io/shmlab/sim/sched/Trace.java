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
 * @param sources where in the program each step was made, by step index (null elements where
 *     unknown); empty when the run recorded none
 * @param states the machine's state right after each step, by step index; empty when the run's
 *     world could not be looked at
 */
public record Trace(List<String> labels, List<Integer> pids, List<Step> steps, String ending, List<StepSource> sources,
        List<WorldState> states) {

    /** Copies; {@code sources} and {@code states} are empty or as long as {@code steps}. */
    public Trace {
        labels = List.copyOf(labels);
        pids = List.copyOf(pids);
        steps = List.copyOf(steps);
        sources = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sources));
        states = List.copyOf(states);
        if (!sources.isEmpty() && sources.size() != steps.size() || !states.isEmpty() && states.size() != steps.size()) {
            throw new IllegalArgumentException("steps=" + steps.size() + " sources=" + sources.size() + " states=" + states.size());
        }
    }

    /** A trace without sources or states. */
    public Trace(List<String> labels, List<Integer> pids, List<Step> steps, String ending) {
        this(labels, pids, steps, ending, List.of(), List.of());
    }

    /** Where in the program step {@code index} was made, or null when unknown. */
    public StepSource source(int index) {
        return sources.isEmpty() ? null : sources.get(index);
    }

    /** The machine's state right after step {@code index}, {@link WorldState#NONE} when not recorded. */
    public WorldState state(int index) {
        return states.isEmpty() ? WorldState.NONE : states.get(index);
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
