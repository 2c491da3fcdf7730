package io.shmlab.api;

import java.time.Duration;

/**
 * How {@link Machine#run} runs a program.
 *
 * @param processes how many processes run it at once (at least 1)
 * @param seed the seed of the simulator's scheduler and address-space layout (ignored on native)
 * @param timeout how long real processes may go without progress (no call of the program returning
 *     in any process) before they are stopped and reported stalled; a deadlock is found sooner, from
 *     what the processes are doing (the simulator detects blocking exactly and ignores it)
 */
public record RunOptions(int processes, long seed, Duration timeout) {

    /** Validates. */
    public RunOptions {
        if (processes < 1) {
            throw new IllegalArgumentException("processes=" + processes);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout=" + timeout);
        }
    }

    /** {@code processes} processes, seed 0, a 10 second timeout. */
    public static RunOptions of(int processes) {
        return new RunOptions(processes, 0, Duration.ofSeconds(10));
    }

    /** The same with another seed. */
    public RunOptions withSeed(long newSeed) {
        return new RunOptions(processes, newSeed, timeout);
    }

    /** The same with another timeout. */
    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(processes, seed, newTimeout);
    }
}
