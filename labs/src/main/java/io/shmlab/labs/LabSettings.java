package io.shmlab.labs;

import java.time.Duration;

/**
 * What a user can change about a lab run from the command line.
 *
 * @param name the shared object's (or semaphore's) name, or {@code null} for the lab's default
 * @param delayInit Exercise 5's injected delay before sem_init (zero for none)
 * @param capacity Exercise 4's capacity in items (MAX_ELEMENTS_PLUS_ONE - 1)
 * @param fallocate whether shm-full allocates its object with posix_fallocate before writing it
 */
public record LabSettings(String name, Duration delayInit, int capacity, boolean fallocate) {

    /** Validates. */
    public LabSettings {
        if (delayInit == null || delayInit.isNegative()) {
            throw new IllegalArgumentException("delayInit=" + delayInit);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity);
        }
    }

    /** Every default: the seed's names, no delay, capacity 10. */
    public static LabSettings defaults() {
        return new LabSettings(null, Duration.ZERO, RingBufferLayout.DEFAULT_MAX_ELEMENTS_PLUS_ONE - 1, false);
    }

    /** The same with another name. */
    public LabSettings withName(String newName) {
        return new LabSettings(newName, delayInit, capacity, fallocate);
    }

    /** The same with another delay. */
    public LabSettings withDelayInit(Duration newDelay) {
        return new LabSettings(name, newDelay, capacity, fallocate);
    }

    /** The same with another capacity. */
    public LabSettings withCapacity(int newCapacity) {
        return new LabSettings(name, delayInit, newCapacity, fallocate);
    }

    /** The same, with posix_fallocate first or not. */
    public LabSettings withFallocate(boolean on) {
        return new LabSettings(name, delayInit, capacity, on);
    }

    /** The name, or the default given. */
    String nameOr(String defaultName) {
        return name == null ? defaultName : name;
    }
}
