package io.shmlab.api;

import java.time.Duration;

/**
 * A {@code struct timespec}: seconds and nanoseconds since the epoch of CLOCK_REALTIME, as given to
 * sem_timedwait(3). It is not validated here: a nanosecond field outside [0, 999999999] is passed to
 * the call, which answers EINVAL as glibc does.
 */
public record Timespec(long seconds, long nanos) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** This instant plus a duration, normalised (nanos in [0, 1e9)). */
    public Timespec plus(Duration duration) {
        long total = Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND) + nanos, duration.toNanos());
        return ofNanos(total);
    }

    /** The instant {@code nanos} nanoseconds after the epoch. */
    public static Timespec ofNanos(long nanos) {
        return new Timespec(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** True when the nanosecond field is what glibc accepts: in [0, 999999999]. */
    public boolean valid() {
        return nanos >= 0 && nanos < NANOS_PER_SECOND;
    }

    /** Nanoseconds since the epoch (for a valid timespec). */
    public long toNanos() {
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    }
}
