package io.shmlab.libc;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * Exercise 4's {@code struct ring_buffer} as the multi-process test lays it out, plus one int the
 * two processes take their roles from.
 *
 * <pre>
 *   0              +---------------------------+
 *                  | item_t data[SLOTS]        |  256 bytes each
 *   256 * SLOTS    +---------------------------+
 *                  | size_t first              |  next slot to get
 *                  | size_t last               |  next slot to put
 *                  | int role                  |  0 for the first process to take one, then 1
 *                  +---------------------------+
 * </pre>
 */
final class RingLayout {
    static final int ITEM_SIZE = 256;
    static final int SLOTS = 11;

    static final StructLayout LAYOUT = StructLayout.builder("ring_buffer")
            .field("data", CType.array(CType.array(CType.CHAR, ITEM_SIZE), SLOTS))
            .field("first", CType.SIZE_T)
            .field("last", CType.SIZE_T)
            .field("role", CType.INT)
            .build();

    static final long DATA_OFFSET = LAYOUT.offsetOf("data");
    static final long FIRST_OFFSET = LAYOUT.offsetOf("first");
    static final long LAST_OFFSET = LAYOUT.offsetOf("last");
    static final long ROLE_OFFSET = LAYOUT.offsetOf("role");
    static final long SIZE = LAYOUT.size();

    private RingLayout() {
    }

    static long slot(long index) {
        return DATA_OFFSET + index * ITEM_SIZE;
    }
}
