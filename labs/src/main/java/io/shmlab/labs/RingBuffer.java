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
        // an item of at least item_t is stored straight from the caller's array (no copy); only a
        // shorter one needs the zero-padded copy, so that the slot is still written in one access
        byte[] slot = item.length >= RingBufferLayout.ITEM_SIZE ? item : Arrays.copyOf(item, RingBufferLayout.ITEM_SIZE);
        mapping.put(layout.itemOffset(last), slot, 0, RingBufferLayout.ITEM_SIZE);
        mapping.putLong(layout.lastOffset(), (last + 1) % max);
        return true;
    }

    /**
     * get: copies {@code data[first]} out.
     *
     * @return the whole {@code item_t}, or {@code null} when the buffer is empty (the seed's "what now?")
     */
    public byte[] get() {
        byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
        return get(item) ? item : null;
    }

    /**
     * get into the caller's array (the C's {@code item_t *item}), so that a loop of gets allocates
     * nothing: copies {@code data[first]} to {@code item[0..ITEM_SIZE)}.
     *
     * @param item at least {@code ITEM_SIZE} bytes; left untouched when the buffer is empty
     * @return false when the buffer is empty (the seed's "what now?")
     */
    public boolean get(byte[] item) {
        if (item.length < RingBufferLayout.ITEM_SIZE) {
            throw new IllegalArgumentException("an item_t needs " + RingBufferLayout.ITEM_SIZE + " bytes, not " + item.length);
        }
        final long max = layout.maxElementsPlusOne();
        final long first = index(layout.firstOffset(), "first");
        final long last = index(layout.lastOffset(), "last");
        if (last == first) {
            return false;
        }
        mapping.get(layout.itemOffset(first), item, 0, RingBufferLayout.ITEM_SIZE);
        mapping.putLong(layout.firstOffset(), (first + 1) % max);
        return true;
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
