package io.shmlab.sim.sched.programs;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * The layout of Exercise 5's {@code struct data}: one {@code sem_t} ({@link CType#SEM_T}).
 *
 * <pre>
 *   0                               sizeof(sem_t)
 *   +-------------------------------+
 *   | sem_t sem                     |
 *   +-------------------------------+
 * </pre>
 */
final class MyData {
    /** The shared memory object's name. */
    static final String NAME = "/myData";
    /** The C struct. */
    static final StructLayout DATA = StructLayout.builder("data")
            .field("sem", CType.SEM_T)
            .build();
    /** Offset of {@code sem}. */
    static final int SEM_OFFSET = (int) DATA.offsetOf("sem");
    /** {@code sizeof(struct data)}. */
    static final int SIZE = (int) DATA.size();

    private MyData() {
    }
}
