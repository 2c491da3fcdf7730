package io.shmlab.stress;

import io.shmlab.labs.RingBufferLayout;

/**
 * Descriptor of the items the stress and crash tests send through Exercise 4's ring buffer: what a
 * producer writes into one {@code item_t} (256 bytes) and how a consumer checks it.
 *
 * <pre>
 * item_t (256 bytes)                     offset
 *   int      producer                         0  +---------------------+
 *   int      (padding)                        4  +---------------------+
 *   uint64_t sequence                         8  +---------------------+
 *   uint64_t check = mix(producer, sequence) 16  +---------------------+
 *   char     (zeros)                         24  |      ...            |
 *                                           256  +---------------------+
 * </pre>
 * The check is a 64-bit mix of the other two fields: an item torn by a half-done copy, or read from a
 * slot nobody filled (all zeros), fails it.
 */
public final class StressItem {
    /** {@code offsetof(item, producer)}. */
    public static final int PRODUCER_OFFSET = 0;
    /** {@code offsetof(item, sequence)}: the int producer, then 4 bytes of padding. */
    public static final int SEQUENCE_OFFSET = PRODUCER_OFFSET + Integer.BYTES + Integer.BYTES;
    /** {@code offsetof(item, check)}. */
    public static final int CHECK_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    /** Where the zero filling starts. */
    public static final int END_OFFSET = CHECK_OFFSET + Long.BYTES;

    static {
        if (END_OFFSET > RingBufferLayout.ITEM_SIZE) {
            throw new IllegalStateException("an item does not fit in item_t");
        }
    }

    /** Makes the check of item (0, 0) non-zero. */
    private static final long UNWRITTEN_IS_NOT_AN_ITEM = 0x5DEECE66DL;

    private StressItem() {
    }

    /** Writes item (producer, sequence) into a buffer of {@code item_t} size. */
    public static void encode(byte[] item, int producer, long sequence) {
        putInt(item, PRODUCER_OFFSET, producer);
        putLong(item, SEQUENCE_OFFSET, sequence);
        putLong(item, CHECK_OFFSET, check(producer, sequence));
    }

    /** The producer of an item. */
    public static int producer(byte[] item) {
        return (int) getLong(item, PRODUCER_OFFSET, Integer.BYTES);
    }

    /** The sequence number of an item. */
    public static long sequence(byte[] item) {
        return getLong(item, SEQUENCE_OFFSET, Long.BYTES);
    }

    /** True when the check field matches the producer and sequence, and the rest is zeros. */
    public static boolean intact(byte[] item) {
        if (item.length != RingBufferLayout.ITEM_SIZE
                || getLong(item, CHECK_OFFSET, Long.BYTES) != check(producer(item), sequence(item))) {
            return false;
        }
        for (int i = END_OFFSET; i < item.length; i++) {
            if (item[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit mix (the finaliser of SplitMix64) of the producer and sequence, xored with a constant so
     * that a slot of zeros (never written) does not pass for item (0, 0).
     */
    static long check(int producer, long sequence) {
        long z = sequence * 0x9E3779B97F4A7C15L + producer;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31) ^ UNWRITTEN_IS_NOT_AN_ITEM;
    }

    private static void putInt(byte[] b, int at, int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void putLong(byte[] b, int at, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long getLong(byte[] b, int at, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (b[at + i] & 0xFFL) << (8 * i);
        }
        return bytes == Integer.BYTES ? (int) value : value;
    }
}
