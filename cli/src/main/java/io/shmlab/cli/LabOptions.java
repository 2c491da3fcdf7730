package io.shmlab.cli;

import io.shmlab.labs.LabSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options that change a lab: the shared name, Exercise 5's delay, Exercise 4's capacity. */
final class LabOptions {

    @Option(names = "--name", paramLabel = "/NAME",
            description = "the shared object's or semaphore's name (default: the exercise's own, e.g. /os_cp)")
    String name;

    @Option(names = "--delay-init", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Exercise 5: the creator sleeps this long before sem_init (e.g. 2s), so the race shows on real processes")
    Duration delayInit;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "10",
            description = "Exercise 4: how many items the ring buffer holds (MAX_ELEMENTS_PLUS_ONE - 1; default ${DEFAULT-VALUE})")
    int capacity;

    LabSettings settings() {
        if (capacity < 1 || capacity > 999_999) {
            throw new UsageError("--capacity=" + capacity + ": a ring buffer holds 1 to 999999 items");
        }
        LabSettings settings = LabSettings.defaults().withName(SharedName.check(name)).withCapacity(capacity);
        return delayInit == null ? settings : settings.withDelayInit(delayInit);
    }
}
