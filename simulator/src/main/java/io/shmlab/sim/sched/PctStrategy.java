package io.shmlab.sim.sched;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte: "A Randomized
 * Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010), of depth {@code d}.
 *
 * <p>Each schedule gives the processes random distinct priorities above {@code d - 1} and picks
 * {@code d - 1} change points among the first {@code k} steps; at every point the enabled process of
 * highest priority runs, and the process that reaches the {@code i}-th change point drops to priority
 * {@code i}. A bug of depth {@code d} (one needing {@code d} ordering constraints) is then hit with
 * probability at least {@code 1 / (n k^(d-1))} per schedule, for {@code n} processes. {@code k} is
 * learnt: the longest schedule seen so far (a first guess before the first one ends).
 *
 * <p>Steps are scheduling points, counted from 1 over the whole schedule. Randomness comes from one
 * seeded generator split per schedule, so a seed always gives the same schedules.
 */
public final class PctStrategy implements Strategy {

    private static final long FIRST_GUESS_OF_STEPS = 64;

    private final int depth;
    private final SplittableRandom seeds;
    private SplittableRandom random;
    private long maxSteps = FIRST_GUESS_OF_STEPS;
    private boolean learnt;
    private long[] changePoints = new long[0];
    private double[] priority = new double[0];
    private int prioritised;

    /**
     * @param depth the bug depth {@code d} aimed at (at least 1; 1 means no change points)
     * @param seed the seed of every random choice
     */
    public PctStrategy(int depth, long seed) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth=" + depth);
        }
        this.depth = depth;
        this.seeds = new SplittableRandom(seed);
    }

    @Override
    public boolean beginSchedule() {
        random = seeds.split();
        changePoints = new long[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextLong(maxSteps);
        }
        prioritised = 0;
        return true;
    }

    @Override
    public int choose(ChoicePoint point) {
        givePriorities(point.processCount());
        int current = point.current();
        if (current >= 0) {
            for (int i = 0; i < changePoints.length; i++) {
                if (changePoints[i] == point.step()) {
                    priority[current] = i + 1;
                }
            }
        }
        int best = point.enabled(0);
        for (int i = 1; i < point.enabledCount(); i++) {
            int candidate = point.enabled(i);
            if (priority[candidate] > priority[best]) {
                best = candidate;
            }
        }
        return best;
    }

    /** High priorities, in [d, d + 1), for processes started since the last point. */
    private void givePriorities(int processes) {
        if (priority.length < processes) {
            priority = Arrays.copyOf(priority, Math.max(processes, priority.length * 2));
        }
        while (prioritised < processes) {
            priority[prioritised++] = depth + random.nextDouble();
        }
    }

    @Override
    public void endSchedule(long steps) {
        maxSteps = learnt ? Math.max(maxSteps, steps) : Math.max(1, steps);
        learnt = true;
    }
}
