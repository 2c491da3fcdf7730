package io.shmlab.sim.sched;

/**
 * Makes the choices a {@link Schedule} recorded, one per point with more than one enabled process.
 * A token that does not fit the program (too few or too many choices, a position past the enabled
 * processes) is refused with an {@link IllegalArgumentException} saying where.
 */
final class ReplayStrategy implements Strategy {

    private final Schedule schedule;
    private int next;
    private boolean begun;

    ReplayStrategy(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public boolean beginSchedule() {
        if (begun) {
            return false;
        }
        begun = true;
        next = 0;
        return true;
    }

    @Override
    public int choose(ChoicePoint point) {
        if (point.enabledCount() == 1) {
            return point.enabled(0);
        }
        if (next >= schedule.choiceCount()) {
            throw new IllegalArgumentException("the schedule token has " + schedule.choiceCount()
                    + " choices, but this program reached more choice points: it is not a schedule of this program");
        }
        int position = schedule.choice(next);
        if (position >= point.enabledCount()) {
            throw new IllegalArgumentException("choice " + next + " of the schedule token picks position " + position
                    + " of " + point.enabledCount() + " enabled processes: it is not a schedule of this program");
        }
        next++;
        return point.atPosition(position);
    }

    @Override
    public void endSchedule(long steps) {
        if (next != schedule.choiceCount()) {
            throw new IllegalArgumentException("the run ended after " + next + " of the schedule token's "
                    + schedule.choiceCount() + " choices: it is not a schedule of this program");
        }
    }
}
