package io.shmlab.sim.sched;

import java.util.SplittableRandom;

/**
 * Picks uniformly among the enabled processes at every point, with a seeded generator: schedule
 * {@code n} of seed {@code s} is the same on every machine. Each schedule has its own generator, split
 * from the seed's, so schedules do not depend on how long the previous ones were.
 */
public final class RandomStrategy implements Strategy {

    private final SplittableRandom seeds;
    private SplittableRandom random;

    /** A strategy drawing its schedules from a seed. */
    public RandomStrategy(long seed) {
        this.seeds = new SplittableRandom(seed);
    }

    @Override
    public boolean beginSchedule() {
        random = seeds.split();
        return true;
    }

    @Override
    public int choose(ChoicePoint point) {
        int n = point.enabledCount();
        return n == 1 ? point.enabled(0) : point.enabled(random.nextInt(n));
    }
}
