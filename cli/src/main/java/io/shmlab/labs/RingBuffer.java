package io.shmlab.labs;

import io.shmlab.api.Mapping;
import java.util.Arrays;

/**
 * The seed's non-concurrent ring buffer over a {@code struct ring_buffer} in a mapping
 * ({@link RingBufferLayout}): {@code put} and {@code get} exactly as in the C, with "full" and "empty"
 * as return values. It is correct for one process at a time only; {@link Exercise4} makes it safe for
 * several with semaphores.
 *
 * <pre>
 * C (the seed)                                               Java (this class)
 * if ((b->last + 1) % MAX_ELEMENTS_PLUS_ONE == b->first)     if ((last + 1) % max == first)
 *   // the buffer is full, now what?                           return false;
 * memcpy(&amp;b->data[b->last], item, sizeof(*item));            mapping.put(itemOffset(last), item)
 * b->last = (b->last + 1) % MAX_ELEMENTS_PLUS_ONE;           putLong(lastOffset, (last + 1) % max)
 *
 * if (b->last == b->first)                                   if (last == first)
 *   // the buffer is empty, what now?                          return null;
 * memcpy(item, &amp;b->data[b->first], sizeof(*item));           mapping.get(itemOffset(first), item)
 * b->first = (b->first + 1) % MAX_ELEMENTS_PLUS_ONE;         putLong(firstOffset, (first + 1) % max)
 * </pre>
 * Indexes read from shared memory are checked before use: a C peer (or a bug) that stored one out of
 * range gets an {@link IllegalStateException}, not a stray write.
 */
public final class RingBuffer {
    private final Mapping mapping;
    private final RingBufferLayout layout;

    /** @param mapping a mapping of at least {@code layout.size()} bytes */
    public RingBuffer(Mapping mapping, RingBufferLayout layout) {
        if (mapping.length() < layout.size()) {
            throw new IllegalArgumentException("mapping of " + mapping.length() + " bytes, struct ring_buffer needs " + layout.size());
        }
        this.mapping = mapping;
        this.layout = layout;
    }

    /** initBuffer: {@code memset(buffer, 0, sizeof(*buffer))}. */
    public void init() {
        mapping.fill(0, layout.size(), (byte) 0);
    }

    /**
     * put: copies the item (cut or zero-padded to {@code item_t}) to {@code data[last]}.
     *
     * @return false when the buffer is full (the seed's "now what?")
     */
    public boolean put(byte[] item) {
        final long max = layout.maxElementsPlusOne();
        final long first = index(layout.firstOffset(), "first");
        final long last = index(layout.lastOffset(), "last");
        if ((last + 1) % max == first) {
            return false;
        }
        byte[] slot = Arrays.copyOf(item, RingBufferLayout.ITEM_SIZE);
        mapping.put(layout.itemOffset(last), slot, 0, slot.length);
        mapping.putLong(layout.lastOffset(), (last + 1) % max);
        return true;
    }

    /**
     * get: copies {@code data[first]} out.
     *
     * @return the whole {@code item_t}, or {@code null} when the buffer is empty (the seed's "what now?")
     */
    public byte[] get() {
        final long max = layout.maxElementsPlusOne();
        final long first = index(layout.firstOffset(), "first");
        final long last = index(layout.lastOffset(), "last");
        if (last == first) {
            return null;
        }
        byte[] item = mapping.getBytes(layout.itemOffset(first), RingBufferLayout.ITEM_SIZE);
        mapping.putLong(layout.firstOffset(), (first + 1) % max);
        return item;
    }

    private long index(long offset, String member) {
        long value = mapping.getLong(offset);
        if (value < 0 || value >= layout.maxElementsPlusOne()) {
            throw new IllegalStateException("ring_buffer." + member + "=" + Long.toUnsignedString(value)
                    + " is not below MAX_ELEMENTS_PLUS_ONE=" + layout.maxElementsPlusOne());
        }
        return value;
    }
}
