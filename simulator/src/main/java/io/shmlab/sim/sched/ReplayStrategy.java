package io.shmlab.sim.sched;

/**
 * Makes the choices a {@link Schedule} recorded, one per point with more than one enabled process.
 *
 * <p>A token that does not fit the program (too few or too many choices, a position past the enabled
 * processes) is refused with an {@link IllegalArgumentException} saying where, unless it records what
 * it was found for ({@link Schedule#foundFor()}): then the program is the one it was found for, whose
 * code has changed since (a race fixed, and its token kept as a regression test), and the replay goes
 * as far as the choices fit; past that, the process that reached a point goes on (position 0), and
 * {@link #misfit()} says where the token stopped fitting.
 */
final class ReplayStrategy extends SingleSchedule {

    private final Schedule schedule;
    private final boolean lenient;
    private int next;
    private String misfit;

    ReplayStrategy(Schedule schedule) {
        this.schedule = schedule;
        this.lenient = schedule.foundFor() != null;
    }

    @Override
    public int choose(ChoicePoint point) {
        if (point.enabledCount() == 1) {
            return point.enabled(0);
        }
        if (next >= schedule.choiceCount()) {
            return misfit("the token has " + schedule.choiceCount()
                    + " choices, but this program reached more choice points", point);
        }
        int position = schedule.choice(next);
        if (position >= point.enabledCount()) {
            return misfit("choice " + next + " of the schedule token picks position " + position + " of "
                    + point.enabledCount() + " enabled processes", point);
        }
        next++;
        return point.atPosition(position);
    }

    private int misfit(String what, ChoicePoint point) {
        if (!lenient) {
            throw new IllegalArgumentException(
                    what.replace("the token has", "the schedule token has") + ": it is not a schedule of this program");
        }
        if (misfit == null) {
            misfit = what + " (scheduling point " + point.step() + "); from there on, the running process goes on";
        }
        next = Integer.MAX_VALUE;
        return point.atPosition(0);
    }

    @Override
    public void endSchedule(long steps) {
        if (next == Integer.MAX_VALUE || next == schedule.choiceCount()) {
            return;
        }
        String what = "the run ended after " + next + " of the schedule token's " + schedule.choiceCount() + " choices";
        if (!lenient) {
            throw new IllegalArgumentException(what + ": it is not a schedule of this program");
        }
        if (misfit == null) {
            misfit = what;
        }
    }

    /**
     * Where a token that records its program stopped fitting it (the program's code changed since),
     * or {@code null} when every choice fitted.
     */
    String misfit() {
        return misfit;
    }
}
