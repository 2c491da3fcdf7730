package io.shmlab.labs;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * Descriptor of the small object {@link CounterRace} keeps beside {@code struct myData}: how many
 * processes have finished their increment, counted atomically (so the count itself never races).
 *
 * <pre>
 * struct finish_line {   offset
 *   int finished;             0  +----------------------+
 * };                             | finished (atomic int) |
 *                             4  +----------------------+  sizeof = 4, align 4
 * </pre>
 */
public final class FinishLineLayout {
    /** The struct as gcc lays it out on x86_64. */
    public static final StructLayout LAYOUT = StructLayout.builder("finish_line")
            .field("finished", CType.INT)
            .build();

    /** {@code offsetof(struct finish_line, finished)}. */
    public static final long FINISHED_OFFSET = LAYOUT.offsetOf("finished");
    /** {@code sizeof(struct finish_line)}. */
    public static final long SIZE = LAYOUT.size();

    private FinishLineLayout() {
    }
}
