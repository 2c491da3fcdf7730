package io.shmlab.labs;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * Descriptor of Exercise 4's {@code struct ring_buffer} for one value of
 * {@code MAX_ELEMENTS_PLUS_ONE} (the C program's compile-time constant, 11 by default). A C program
 * compiled with the same constant shares the object byte for byte.
 *
 * <pre>
 * typedef char item_t[256];
 * struct ring_buffer {                        offset
 *   item_t data[MAX_ELEMENTS_PLUS_ONE];            0  +--------------------+
 *   size_t first;                                     | data[0]  (256 B)   |
 *   size_t last;                                  256 +--------------------+
 * };                                                  | data[1]            |
 *                                                     |  ...               |
 *                               256 * (MAX-1)         +--------------------+
 *                                                     | data[MAX-1]        |
 *                               256 * MAX = F         +--------------------+
 *                                                     | first (size_t)     |
 *                                           F + 8     +--------------------+
 *                                                     | last  (size_t)     |
 *                                           F + 16    +--------------------+  sizeof, align 8
 * </pre>
 * 256 * MAX is a multiple of 8, so no padding is ever needed.
 */
public final class RingBufferLayout {
    /** {@code sizeof(item_t)}. */
    public static final int ITEM_SIZE = 256;
    /** The seed's {@code MAX_ELEMENTS_PLUS_ONE}. */
    public static final int DEFAULT_MAX_ELEMENTS_PLUS_ONE = 11;
    /** {@code offsetof(struct ring_buffer, data)}. */
    public static final long DATA_OFFSET = 0;

    private static final CType ITEM_T = new CType("item_t", ITEM_SIZE, 1);

    private final int maxElementsPlusOne;
    private final StructLayout layout;
    private final long firstOffset;
    private final long lastOffset;
    private final long size;

    private RingBufferLayout(int maxElementsPlusOne) {
        this.maxElementsPlusOne = maxElementsPlusOne;
        this.layout = StructLayout.builder("ring_buffer")
                .field("data", CType.array(ITEM_T, maxElementsPlusOne))
                .field("first", CType.SIZE_T)
                .field("last", CType.SIZE_T)
                .build();
        this.firstOffset = layout.offsetOf("first");
        this.lastOffset = layout.offsetOf("last");
        this.size = layout.size();
        if (layout.offsetOf("data") != DATA_OFFSET) {
            throw new IllegalStateException("data must be the first member");
        }
    }

    /**
     * The layout for a {@code MAX_ELEMENTS_PLUS_ONE}; the buffer holds one item less.
     *
     * @throws IllegalArgumentException below 2 (a buffer that can hold nothing)
     */
    public static RingBufferLayout of(int maxElementsPlusOne) {
        if (maxElementsPlusOne < 2 || maxElementsPlusOne > 1_000_000) {
            throw new IllegalArgumentException("MAX_ELEMENTS_PLUS_ONE=" + maxElementsPlusOne + " (2 to 1000000)");
        }
        return new RingBufferLayout(maxElementsPlusOne);
    }

    /** The layout for a buffer that holds {@code capacity} items: MAX_ELEMENTS_PLUS_ONE is capacity + 1. */
    public static RingBufferLayout forCapacity(int capacity) {
        if (capacity < 1 || capacity > 999_999) {
            throw new IllegalArgumentException("capacity=" + capacity + " (1 to 999999)");
        }
        return of(capacity + 1);
    }

    /** {@code MAX_ELEMENTS_PLUS_ONE}. */
    public int maxElementsPlusOne() {
        return maxElementsPlusOne;
    }

    /** How many items fit: one slot stays empty to tell full from empty. */
    public int capacity() {
        return maxElementsPlusOne - 1;
    }

    /** {@code offsetof(struct ring_buffer, data[index])}. */
    public long itemOffset(long index) {
        if (index < 0 || index >= maxElementsPlusOne) {
            throw new IndexOutOfBoundsException("index=" + index + ", MAX_ELEMENTS_PLUS_ONE=" + maxElementsPlusOne);
        }
        return DATA_OFFSET + index * ITEM_SIZE;
    }

    /** {@code offsetof(struct ring_buffer, first)}: just past the last item. */
    public long firstOffset() {
        return firstOffset;
    }

    /** {@code offsetof(struct ring_buffer, last)}: just past first. */
    public long lastOffset() {
        return lastOffset;
    }

    /** {@code sizeof(struct ring_buffer)}. */
    public long size() {
        return size;
    }

    /** The struct, for {@code describe()}. */
    public StructLayout layout() {
        return layout;
    }
}
