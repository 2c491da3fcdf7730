package io.shmlab.cli;

import io.shmlab.api.RunOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --procs}, {@code --seed}, {@code --timeout}: how a lab runs in several processes. */
final class RunOptionsMixin {

    @Option(names = "--procs", paramLabel = "N", description = "how many processes run it at once (default 2; 1 for shm-full)")
    Integer procs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "the simulator's scheduler seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "real processes: a run with no progress (no call of the program returning in any process) for this long"
                    + " is stopped and reported as a TIMEOUT, not a deadlock; a deadlock is seen sooner, from what the processes"
                    + " do (default ${DEFAULT-VALUE})")
    Duration timeout;

    RunOptions options() {
        return options(2);
    }

    /** The options, with {@code defaultProcs} processes unless {@code --procs} says otherwise. */
    RunOptions options(int defaultProcs) {
        int procs = this.procs != null ? this.procs : defaultProcs;
        if (procs < 1 || procs > 64) {
            throw new UsageError("--procs=" + procs + ": give 1 to 64 processes");
        }
        if (timeout.isZero()) {
            throw new UsageError("--timeout must be more than 0");
        }
        return new RunOptions(procs, seed, timeout);
    }
}
