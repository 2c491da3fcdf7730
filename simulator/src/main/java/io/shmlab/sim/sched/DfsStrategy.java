package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * Exhaustive search of the schedules with at most a given number of preemptions, with iterative
 * context bounding first (Musuvathi and Qadeer, "Iterative context bounding for systematic testing
 * of multithreaded programs", PLDI 2007, as in CHESS): every schedule without a preemption, then those
 * with one, then two, then all the rest up to the bound. Most concurrency bugs need few preemptions,
 * so they are found early, and the first one found is one of the easiest to follow.
 *
 * <p>Each level is a stateless depth-first search: a schedule replays the prefix it shares with the
 * previous one and takes the next untried choice at the deepest point that has one. A level runs again
 * the schedules of the levels below (a stateless search must pass through them); those runs are marked
 * {@linkplain #lastScheduleRepeated() repeated} and not counted twice. Going from two preemptions
 * straight to the bound keeps the runs repeated that way to the few schedules of at most two.
 *
 * <p>With no bound ({@link ExploreOptions#NO_BOUND}) there are no levels: one depth-first pass runs
 * every schedule once, which is the plain exhaustive search a partial-order reduction
 * ({@link DporStrategy}) is measured against.
 *
 * <p>A preemption is a switch away from a process that could have gone on; switching when the
 * running process blocked or ended is free. With bound {@code b}, every schedule with at most
 * {@code b} preemptions is run exactly once, in a fixed order, so a search is the same on any machine.
 *
 * <p>No state-hash or sleep-set pruning is done, on purpose, because neither would be sound here:
 * <ul>
 *   <li>State hashing: a process's state includes its Java stack and locals, which the scheduler
 *       cannot see, so two points with equal kernel and memory state may still lead to different
 *       futures; pruning on a hash of what is visible could skip a failing schedule.</li>
 *   <li>Sleep sets (and any partial-order reduction) combined with a preemption bound are not sound
 *       as such: the one interleaving of an equivalence class they keep may need more preemptions
 *       than the bound allows while a pruned one did not (Coons, Musuvathi, McKinley: "Bounded
 *       partial-order reduction", OOPSLA 2013). The reduction is {@link DporStrategy}'s, which has no
 *       bound.</li>
 * </ul>
 * Every choice within the bound is therefore explored.
 *
 * <p>A search may be confined to the schedules that start with given choices at the first points
 * with more than one process enabled, and to one level ({@link #DfsStrategy(int, int, int[])}): what
 * a parallel exploration ({@link SplitSearch}) hands each worker, so that the subtrees together are
 * the whole search, in the same order.
 *
 * <p>The program must be deterministic given the schedule (simulated programs are: no wall clock,
 * no shared Java state): a replayed prefix that meets a different point is reported as an
 * {@link IllegalStateException}.
 */
public final class DfsStrategy implements Strategy {

    private final int preemptionBound;
    /** The positions taken at the first choice points, fixed: a subtree's; empty for the whole search. */
    private final int[] prefix;
    /** The prefix had more preemptions than the level allows: this subtree has no schedule in it. */
    private boolean outOfLevel;
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
    /** Levels searched one preemption at a time before the last one, the bound itself. */
    private static final int STEPPED_LEVELS = 2;

    /** The preemption bound of the level being searched. */
    private int level;
    /** The level searched before, whose schedules this one runs again; -1 for the first. */
    private int previousLevel = -1;
    /** Schedules of this level with more preemptions than the previous level allowed, so far. */
    private long newAtLevel;
    private boolean lastRepeated;

    /** @param preemptionBound the most preemptions a schedule may have (0 or more) */
    public DfsStrategy(int preemptionBound) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException("preemptionBound=" + preemptionBound);
        }
        this.preemptionBound = preemptionBound;
        this.prefix = new int[0];
        if (preemptionBound == ExploreOptions.NO_BOUND) {
            // no bound: every schedule, in one pass, with no level to repeat
            this.level = preemptionBound;
        }
    }

    /**
     * One level of the search, confined to the schedules that take the given positions at the first
     * choice points.
     *
     * @param level the most preemptions of a schedule ({@link ExploreOptions#NO_BOUND} for none)
     * @param previousLevel the level searched before, whose schedules are {@linkplain
     *     #lastScheduleRepeated() repeated}; -1 for none
     * @param prefix the position taken at each of the first choice points
     */
    DfsStrategy(int level, int previousLevel, int[] prefix) {
        if (level < 0 || previousLevel >= level) {
            throw new IllegalArgumentException("level=" + level + ", previousLevel=" + previousLevel);
        }
        this.preemptionBound = level;
        this.level = level;
        this.previousLevel = previousLevel;
        this.prefix = prefix.clone();
    }

    @Override
    public boolean beginSchedule() {
        if (exhausted || outOfLevel) {
            exhausted = true;
            return false;
        }
        if (started && !backtrack()) {
            // this level is done; a level that found nothing new means no schedule has more
            // preemptions (drop the last preemption of one that had and it would have been found)
            if (level == preemptionBound || newAtLevel == 0) {
                exhausted = true;
                return false;
            }
            previousLevel = level;
            level = nextLevel(level, preemptionBound);
            newAtLevel = 0;
            started = false;
        }
        cursor = 0;
        preemptions = 0;
        if (!started) {
            started = true;
            replayDepth = 0;
        }
        return true;
    }

    /**
     * The level searched after {@code level} in a search bounded by {@code bound}: one preemption more
     * up to {@link #STEPPED_LEVELS}, then the bound itself.
     */
    static int nextLevel(int level, int bound) {
        return level < STEPPED_LEVELS ? level + 1 : bound;
    }

    /** The first level of a search bounded by {@code bound}: 0, or the whole search with no bound. */
    static int firstLevel(int bound) {
        return bound == ExploreOptions.NO_BOUND ? bound : 0;
    }

    /** Moves to the next untried choice within the level's bound; false when there is none. */
    private boolean backtrack() {
        for (int i = depth - 1; i >= prefix.length; i--) {
            int next = chosen[i] + 1;
            int cost = preemptive[i] ? 1 : 0;
            if (next < enabledCount[i] && preemptionsBefore[i] + cost <= level) {
                chosen[i] = next;
                replayDepth = i + 1;
                return true;
            }
        }
        return false;
    }

    @Override
    public void endSchedule(long steps) {
        lastRepeated = outOfLevel || preemptions <= previousLevel;
        if (!lastRepeated) {
            newAtLevel++;
        }
    }

    /** True when the schedule just run has no more preemptions than the level before allowed: it ran there. */
    @Override
    public boolean lastScheduleRepeated() {
        return lastRepeated;
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
            position = cursor < prefix.length ? prefix[cursor] : 0;
            if (position >= n) {
                throw new IllegalStateException("the program is not deterministic: choice point " + cursor
                        + " has " + n + " enabled processes, fewer than when the search was split");
            }
            chosen[cursor] = position;
        }
        if (position != 0 && preemptable) {
            preemptions++;
            if (preemptions > level) {
                outOfLevel = true; // only the prefix can take a choice beyond the level
                throw new ScheduleCut("the prefix has more preemptions than the level allows");
            }
        }
        cursor++;
        depth = cursor;
        return point.atPosition(position);
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
