package io.shmlab.labs;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * Descriptor of Exercise 5's {@code struct data}: one glibc {@code sem_t} shared through
 * {@code /myData}.
 *
 * <pre>
 * struct data {          offset
 *   sem_t sem;                0  +---------------------------+
 * };                             | sem (sem_t, 32 B, glibc)  |
 *                            32  +---------------------------+  sizeof = 32, align 8
 * </pre>
 */
public final class SemDataLayout {
    /** The struct as gcc lays it out on x86_64. */
    public static final StructLayout LAYOUT = StructLayout.builder("data")
            .field("sem", CType.SEM_T)
            .build();

    /** {@code offsetof(struct data, sem)}. */
    public static final long SEM_OFFSET = LAYOUT.offsetOf("sem");
    /** {@code sizeof(struct data)}. */
    public static final long SIZE = LAYOUT.size();

    private SemDataLayout() {
    }
}
