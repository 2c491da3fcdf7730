package io.shmlab.sim.sched;

import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of schedules run, in the order they ran: how many ended each way, the first failing one
 * and the shortest (the first of the shortest), as tokens. Tallies of consecutive parts of a search
 * {@linkplain #append append} into the tally of the whole. The simulator's explorations count with it,
 * and so does an exploration of real processes (a C program's schedules). Not thread-safe: one owner
 * at a time.
 */
public final class Tally {

    private final long[] counts = new long[Outcome.values().length];
    private long schedules;
    private String first;
    private String shortest;
    private long shortestSteps;

    /** Counts one simulated schedule, run after all those counted so far. */
    void add(ScheduledRun run) {
        add(run.outcome(), run.steps(), run.outcome().failing() ? run.token() : null);
    }

    /**
     * Counts one schedule, run after all those counted so far.
     *
     * @param outcome how it ended
     * @param steps how many scheduling points it passed
     * @param token the token that replays it; needed only when the outcome is failing, else may be null
     */
    public void add(Outcome outcome, long steps, String token) {
        schedules++;
        counts[outcome.ordinal()]++;
        if (outcome.failing()) {
            if (first == null) {
                first = token;
            }
            if (shortest == null || steps < shortestSteps) {
                shortest = token;
                shortestSteps = steps;
            }
        }
    }

    /** Counts the schedules of {@code later}, which ran after all those counted so far. */
    void append(Tally later) {
        schedules += later.schedules;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += later.counts[i];
        }
        if (first == null) {
            first = later.first;
        }
        if (later.shortest != null && (shortest == null || later.shortestSteps < shortestSteps)) {
            shortest = later.shortest;
            shortestSteps = later.shortestSteps;
        }
    }

    /** How many schedules were counted. */
    public long schedules() {
        return schedules;
    }

    /** The report of what was counted; {@code complete} when no schedule of the search was left out. */
    public ExplorationReport report(boolean complete) {
        return new ExplorationReport(schedules, byOutcome(counts), first, shortest, shortestSteps, complete);
    }

    /**
     * A report in progress: the schedules of {@code counts} (indexed by {@link Outcome#ordinal()}, which
     * may include some not counted here yet), with the first and shortest failing of what was counted.
     */
    ExplorationReport reportWith(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return new ExplorationReport(n, byOutcome(counts), first, shortest, shortestSteps, false);
    }

    private static Map<Outcome, Long> byOutcome(long[] counts) {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, counts[o.ordinal()]);
        }
        return byOutcome;
    }
}
