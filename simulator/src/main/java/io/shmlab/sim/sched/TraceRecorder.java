package io.shmlab.sim.sched;

import io.shmlab.api.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a run's {@link Trace} as it goes: one {@link Step} per finished step, with the wake-ups and
 * warnings its process gathered meanwhile, where in the program it was made, and the machine's state
 * right after it (shared with the step before when nothing changed). Untraced runs (exploration) keep
 * nothing, gather nothing to take and look at nothing.
 */
final class TraceRecorder {

    private final boolean enabled;
    private final List<Step> steps = new ArrayList<>();
    private final List<StepSource> sources = new ArrayList<>();
    private final List<WorldState> states = new ArrayList<>();
    private Supplier<WorldState> probe;
    private WorldState lastState;

    TraceRecorder(boolean enabled) {
        this.enabled = enabled;
    }

    /** Looks at this world's state after every step from now on (traced runs only). */
    void observe(Supplier<WorldState> world) {
        if (enabled && steps.isEmpty()) {
            probe = world;
        }
    }

    /** Whether steps are kept (and wake-ups worth recording). */
    boolean enabled() {
        return enabled;
    }

    /** Ends the process's current step: its call and arguments as they stand, with this result. */
    void step(ScheduledProcess p, Step.Kind kind, String result, long clock) {
        if (enabled) {
            Footprint footprint = kind == Step.Kind.ACCESS
                    ? Footprint.range(p.call.footprint().access(), p.accessAddress, p.accessSize)
                    : p.call.footprint();
            String wokenBy = p.wokenBy;
            boolean timedOut = p.timedOut;
            steps.add(new Step(steps.size(), p.label, p.pid, kind, p.call, p.arguments, result, clock, footprint,
                    wokenBy, timedOut, p.takeWakes(), p.takeWarnings()));
            sources.add(kind == Step.Kind.EXIT ? null : p.source);
            if (probe != null) {
                WorldState now = probe.get();
                lastState = now.equals(lastState) ? lastState : now;
                states.add(lastState);
            }
        }
    }

    /** Undefined behaviour a process's current step did. */
    void warn(ScheduledProcess p, String message) {
        if (enabled) {
            p.warning(message);
        }
    }

    /** The trace so far, over these processes, ending as said. */
    Trace trace(List<ScheduledProcess> processes, String ending) {
        List<String> labels = new ArrayList<>(processes.size());
        List<Integer> pids = new ArrayList<>(processes.size());
        for (ScheduledProcess p : processes) {
            labels.add(p.label);
            pids.add(p.pid);
        }
        return new Trace(labels, pids, steps, ending, sources, probe == null ? List.of() : states);
    }
}
