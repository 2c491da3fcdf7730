package io.shmlab.sim.sched;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an exploration found (so far, in a progress report).
 *
 * @param schedules how many schedules ran
 * @param counts how many ended in each outcome (every outcome is a key)
 * @param firstFailing the token of the first failing schedule, or {@code null}
 * @param shortestFailing the token of the failing schedule with the fewest scheduling points, or
 *     {@code null}
 * @param shortestFailingSteps its scheduling points, or 0
 * @param complete true when a DFS ran to its end: every schedule within its preemption bound, or, with
 *     none, every class of equivalent schedules (every schedule, with the reduction off)
 */
public record ExplorationReport(long schedules, Map<Outcome, Long> counts, String firstFailing,
        String shortestFailing, long shortestFailingSteps, boolean complete) {

    /** Copies, with a zero for every outcome not counted. */
    public ExplorationReport {
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, counts.getOrDefault(o, 0L));
        }
        counts = Collections.unmodifiableMap(all);
    }

    /** How many schedules ended in an outcome. */
    public long count(Outcome outcome) {
        return counts.get(outcome);
    }

    /** How many schedules failed, in any way. */
    public long failing() {
        return schedules - count(Outcome.CLEAN);
    }

    /** A one-line summary. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(schedules).append(" schedules");
        b.append(complete ? " (all within the bound)" : "").append(':');
        for (Map.Entry<Outcome, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                b.append(' ').append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)).append('=')
                        .append(e.getValue());
            }
        }
        if (firstFailing != null) {
            b.append("; first failing ").append(firstFailing).append(", shortest ").append(shortestFailing)
                    .append(" (").append(shortestFailingSteps).append(" steps)");
        }
        return b.toString();
    }
}
