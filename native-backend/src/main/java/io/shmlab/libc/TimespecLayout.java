package io.shmlab.libc;

import io.shmlab.api.Timespec;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * {@code struct timespec} on x86_64 Linux, as sem_timedwait(3), clock_gettime(2) and
 * clock_nanosleep(2) take it.
 *
 * <pre>
 *  0 +-----------------+
 *    | tv_sec   (8)    |  time_t
 *  8 +-----------------+
 *    | tv_nsec  (8)    |  long
 * 16 +-----------------+
 * </pre>
 */
final class TimespecLayout {
    static final StructLayout LAYOUT = StructLayout.builder("timespec")
            .field("tv_sec", CType.LONG)
            .field("tv_nsec", CType.LONG)
            .build();

    static final long TV_SEC_OFFSET = LAYOUT.offsetOf("tv_sec");
    static final long TV_NSEC_OFFSET = LAYOUT.offsetOf("tv_nsec");
    /** {@code sizeof(struct timespec)}: 16. */
    static final long SIZE = LAYOUT.size();

    private TimespecLayout() {
    }

    /** Stores a timespec at {@code address}, unvalidated (glibc judges the nanoseconds). */
    static void put(long address, Timespec time) {
        NativeMemory.putLong(address + TV_SEC_OFFSET, time.seconds());
        NativeMemory.putLong(address + TV_NSEC_OFFSET, time.nanos());
    }

    /** Loads the timespec at {@code address}. */
    static Timespec get(long address) {
        return new Timespec(NativeMemory.getLong(address + TV_SEC_OFFSET), NativeMemory.getLong(address + TV_NSEC_OFFSET));
    }
}
