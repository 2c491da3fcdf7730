package io.shmlab.sim.sched;

/**
 * The strategies and schedule tokens of the simulator, for processes that run outside it (real
 * processes under a turnstile, whose parent decides every turn): the parent names the enabled
 * processes at each point, and this asks a {@link Strategy} (or a token's choices) who goes, keeping
 * the choices made so that the run's schedule can be printed as a token and run again.
 *
 * <p>Points are as the simulator's: processes by index, the rotated order starting at the process that
 * took the last turn, one recorded choice per point with more than one enabled process.
 */
public final class ExternalChoices {
    /** Where the simulator's virtual clock starts: a timeline of an external run counts from it too. */
    public static final long EPOCH_NANOS = VirtualClock.EPOCH_NANOS;

    private final Strategy strategy;
    private final ChoicePoint point = new ChoicePoint(i -> "", i -> 0, () -> null);
    private final ChoiceLog choices = new ChoiceLog();
    private long step;

    private ExternalChoices(Strategy strategy) {
        this.strategy = strategy;
    }

    /** The strategy of these options ({@code dfs} with its preemption bound, pct, random). */
    public static ExternalChoices exploring(ExploreOptions options) {
        if (options.reduced()) {
            throw new IllegalArgumentException("the partial-order reduction needs the simulator's footprints; give a preemption bound");
        }
        return new ExternalChoices(options.newStrategy());
    }

    /** The choices of a token, in one schedule. */
    public static ExternalChoices replaying(Schedule schedule) {
        return new ExternalChoices(schedule.replayStrategy());
    }

    /** Choices made elsewhere ({@link #note}), only recorded. */
    public static ExternalChoices recording() {
        return new ExternalChoices(new SingleSchedule() {
            @Override
            public int choose(ChoicePoint p) {
                throw new UnsupportedOperationException("a recording makes no choice");
            }
        });
    }

    /** Prepares the next schedule; false when there is none left (a search is complete). */
    public boolean beginSchedule() {
        choices.clear();
        step = 0;
        return strategy.beginSchedule();
    }

    /**
     * Picks who goes at a point.
     *
     * @param enabled the processes that may go, in index order (at least one)
     * @param current the process that took the last turn, -1 before the first
     * @param processes how many processes the run has had so far
     */
    public int choose(int[] enabled, int current, int processes) {
        set(enabled, current, processes);
        int chosen = strategy.choose(point);
        choices.record(point, chosen);
        return chosen;
    }

    /** Records a choice made elsewhere at a point (the order processes arrived in, say). */
    public void note(int chosen, int[] enabled, int current, int processes) {
        set(enabled, current, processes);
        choices.record(point, chosen);
    }

    private void set(int[] enabled, int current, int processes) {
        point.reset(processes);
        for (int e : enabled) {
            point.add(e);
        }
        point.set(current, ++step);
    }

    /** The schedule ended after its steps. */
    public void endSchedule() {
        strategy.endSchedule(step);
    }

    /** Whether the schedule just ended was run before in this search (not to be counted twice). */
    public boolean lastScheduleRepeated() {
        return strategy.lastScheduleRepeated();
    }

    /** Where a replayed token stopped fitting the run, or {@code null}. */
    public String misfit() {
        return strategy instanceof ReplayStrategy replay ? replay.misfit() : null;
    }

    /** The schedule so far, as a token's explicit choices. */
    public Schedule schedule(int processes, Schedule.FoundFor foundFor) {
        return new Schedule(Granularity.SYSCALL, processes, 0, RunSettings.DEFAULT_STEP_LIMIT,
                choices.toArray()).foundFor(foundFor);
    }
}
