package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * Exhaustive depth-first search of the schedules with at most a given number of preemptions
 * (iterative context bounding, as in Musuvathi and Qadeer's CHESS): stateless, each schedule replays
 * the prefix it shares with the previous one and takes the next untried choice at the deepest point
 * that has one.
 *
 * <p>A preemption is a switch away from a process that could have gone on; switching when the
 * running process blocked or ended is free. With bound {@code b}, every schedule with at most
 * {@code b} preemptions is run exactly once, in a fixed order, so a search is the same on any machine.
 *
 * <p>No state-hash or sleep-set pruning is done, on purpose. A process's state includes its Java
 * stack and locals, which the scheduler cannot see, so two points with equal kernel and memory state
 * may still lead to different futures: pruning on a hash of what is visible would be unsound. Sleep
 * sets need to know that two pending steps commute; a step here is a whole system call (or an access
 * followed by local code up to the next point) whose effects are unknown before it runs, so no two
 * steps can be proven independent in general. Every choice is therefore explored.
 *
 * <p>The program must be deterministic given the schedule (simulated programs are: no wall clock,
 * no shared Java state): a replayed prefix that meets a different point is reported as an
 * {@link IllegalStateException}.
 */
public final class DfsStrategy implements Strategy {

    private final int preemptionBound;
    private int[] enabledCount = new int[64];
    private int[] chosen = new int[64];
    private int[] preemptionsBefore = new int[64];
    private boolean[] preemptive = new boolean[64];
    private int depth;
    private int replayDepth;
    private int cursor;
    private int preemptions;
    private boolean started;
    private boolean exhausted;

    /** @param preemptionBound the most preemptions a schedule may have (0 or more) */
    public DfsStrategy(int preemptionBound) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException("preemptionBound=" + preemptionBound);
        }
        this.preemptionBound = preemptionBound;
    }

    @Override
    public boolean beginSchedule() {
        if (exhausted) {
            return false;
        }
        cursor = 0;
        preemptions = 0;
        if (!started) {
            started = true;
            replayDepth = 0;
            return true;
        }
        for (int i = depth - 1; i >= 0; i--) {
            int next = chosen[i] + 1;
            int cost = preemptive[i] ? 1 : 0;
            if (next < enabledCount[i] && preemptionsBefore[i] + cost <= preemptionBound) {
                chosen[i] = next;
                replayDepth = i + 1;
                return true;
            }
        }
        exhausted = true;
        return false;
    }

    @Override
    public int choose(ChoicePoint point) {
        int n = point.enabledCount();
        if (n == 1) {
            return point.enabled(0);
        }
        boolean preemptable = point.currentEnabled();
        int position;
        if (cursor < replayDepth) {
            if (enabledCount[cursor] != n || preemptive[cursor] != preemptable) {
                throw new IllegalStateException("the program is not deterministic: choice point " + cursor
                        + " had " + enabledCount[cursor] + " enabled processes before and " + n + " now");
            }
            position = chosen[cursor];
        } else {
            grow(cursor + 1);
            enabledCount[cursor] = n;
            preemptive[cursor] = preemptable;
            preemptionsBefore[cursor] = preemptions;
            chosen[cursor] = 0;
            position = 0;
        }
        if (position != 0 && preemptable) {
            preemptions++;
        }
        cursor++;
        depth = cursor;
        return point.atPosition(position);
    }

    /** True once every schedule within the bound has been run. */
    public boolean exhausted() {
        return exhausted;
    }

    private void grow(int size) {
        if (size > chosen.length) {
            int n = Math.max(size, chosen.length * 2);
            enabledCount = Arrays.copyOf(enabledCount, n);
            chosen = Arrays.copyOf(chosen, n);
            preemptionsBefore = Arrays.copyOf(preemptionsBefore, n);
            preemptive = Arrays.copyOf(preemptive, n);
        }
    }
}
