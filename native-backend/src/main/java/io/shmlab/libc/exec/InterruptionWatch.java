package io.shmlab.libc.exec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What a run asks of shmlab's {@link Interruption}. A terminal's Ctrl-C reaches the program's processes
 * (and the JVM's helper that starts them) as it reaches shmlab, whose own handler runs a moment later:
 * so a process that could not be started, or one killed by SIGINT or SIGTERM, waits a short grace for
 * the interruption before it counts as what it looks like (the grace is waited once per run for the
 * killed ones: a program that raises SIGINT itself costs it once).
 */
final class InterruptionWatch {
    /** How long a failed start, or a process killed by SIGINT or SIGTERM, waits for the interruption. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /** How often the interruption is asked during the grace. */
    private static final long POLL_NANOS = 10_000_000;

    private final Interruption interruption;
    private boolean graceTaken;

    InterruptionWatch(Interruption interruption) {
        this.interruption = interruption;
    }

    /** Whether shmlab is interrupted now. */
    boolean now() {
        return interruption.interrupted();
    }

    /** Whether shmlab is interrupted, or is within the grace after a process could not be started. */
    boolean explainsAFailedStart() {
        return comesWithin(GRACE);
    }

    /**
     * Whether shmlab is interrupted, or, the first time a process is seen killed by SIGINT or SIGTERM,
     * is within the grace.
     */
    boolean interrupted(List<Slot> slots) {
        if (interruption.interrupted()) {
            return true;
        }
        if (!graceTaken && slots.stream().anyMatch(Slot::killedByInterrupt)) {
            graceTaken = true;
            return comesWithin(GRACE);
        }
        return false;
    }

    private boolean comesWithin(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!interruption.interrupted()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
