package io.shmlab.sim.sched.programs;

/**
 * The layout of Exercise 5's {@code struct data}: one {@code sem_t} (32 bytes on x86_64 glibc).
 *
 * <pre>
 *   0                               32
 *   +-------------------------------+
 *   | sem_t sem                     |
 *   +-------------------------------+
 * </pre>
 */
final class MyData {
    /** The shared memory object's name. */
    static final String NAME = "/myData";
    /** Offset of {@code sem}. */
    static final int SEM_OFFSET = 0;
    /** {@code sizeof(sem_t)}. */
    static final int SEM_SIZE = 32;
    /** {@code sizeof(struct data)}. */
    static final int SIZE = SEM_OFFSET + SEM_SIZE;

    private MyData() {
    }
}
