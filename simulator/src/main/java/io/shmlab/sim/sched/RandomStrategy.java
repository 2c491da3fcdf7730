package io.shmlab.sim.sched;

import java.util.SplittableRandom;

/**
 * Picks uniformly among the enabled processes at every point, with a seeded generator: schedule
 * {@code n} of seed {@code s} is the same on every machine. Each schedule has its own generator, split
 * from the seed's, so schedules do not depend on how long the previous ones were.
 */
public final class RandomStrategy implements Strategy {

    private final long seed;
    private final SplittableRandom seeds;
    private SplittableRandom random;
    private long begun;

    /** A strategy drawing its schedules from a seed. */
    public RandomStrategy(long seed) {
        this.seed = seed;
        this.seeds = new SplittableRandom(seed);
    }

    /** A strategy of this seed whose next schedule is schedule {@code index} (from 0). */
    static RandomStrategy at(long seed, long index) {
        RandomStrategy s = new RandomStrategy(seed);
        for (long i = 0; i < index; i++) {
            s.seeds.split();
        }
        s.begun = index;
        return s;
    }

    @Override
    public boolean beginSchedule() {
        random = seeds.split();
        begun++;
        return true;
    }

    @Override
    public Schedule.Generator generator() {
        return begun == 0 ? null : Schedule.Generator.random(seed, begun - 1);
    }

    @Override
    public int choose(ChoicePoint point) {
        int n = point.enabledCount();
        return n == 1 ? point.enabled(0) : point.enabled(random.nextInt(n));
    }
}
