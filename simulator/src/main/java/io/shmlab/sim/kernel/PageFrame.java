package io.shmlab.sim.kernel;

import io.shmlab.api.Limits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One 4096-byte page of memory, zero-filled when it is made. Multi-byte values are little-endian, as
 * on x86_64. Plain loads and stores are plain Java accesses (a race on them is a race, as in C);
 * the atomic operations are real atomics on the page, so they stay atomic when processes run on
 * several threads at once.
 */
public final class PageFrame {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;

    /** A zero-filled page. */
    public PageFrame() {
        this.bytes = new byte[Limits.PAGE_SIZE];
    }

    private PageFrame(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new page holding the same bytes: the copy of copy-on-write. */
    public PageFrame copy() {
        return new PageFrame(bytes.clone());
    }

    /** Copies the whole page from another. */
    public void copyFrom(PageFrame other) {
        System.arraycopy(other.bytes, 0, bytes, 0, bytes.length);
    }

    /** Zeroes {@code [from, PAGE_SIZE)}. */
    public void zeroFrom(int from) {
        java.util.Arrays.fill(bytes, from, bytes.length, (byte) 0);
    }

    /** A copy of the bytes, for a durable store. */
    public byte[] snapshot() {
        return bytes.clone();
    }

    /** A page holding a copy of these bytes. */
    public static PageFrame of(byte[] content) {
        if (content.length != Limits.PAGE_SIZE) {
            throw new IllegalArgumentException("content.length=" + content.length);
        }
        return new PageFrame(content.clone());
    }

    /** Loads the byte at an offset in the page. */
    public byte getByte(int at) {
        return bytes[at];
    }

    /** Stores a byte. */
    public void putByte(int at, byte value) {
        bytes[at] = value;
    }

    /** Loads a little-endian 16-bit value (any alignment within the page). */
    public short getShort(int at) {
        return (short) SHORTS.get(bytes, at);
    }

    /** Stores a little-endian 16-bit value. */
    public void putShort(int at, short value) {
        SHORTS.set(bytes, at, value);
    }

    /** Loads a little-endian 32-bit value. */
    public int getInt(int at) {
        return (int) INTS.get(bytes, at);
    }

    /** Stores a little-endian 32-bit value. */
    public void putInt(int at, int value) {
        INTS.set(bytes, at, value);
    }

    /** Loads a little-endian 64-bit value. */
    public long getLong(int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Stores a little-endian 64-bit value. */
    public void putLong(int at, long value) {
        LONGS.set(bytes, at, value);
    }

    /** Copies bytes out of the page. */
    public void get(int at, byte[] dst, int dstIndex, int length) {
        System.arraycopy(bytes, at, dst, dstIndex, length);
    }

    /** Copies bytes into the page. */
    public void put(int at, byte[] src, int srcIndex, int length) {
        System.arraycopy(src, srcIndex, bytes, at, length);
    }

    /** An atomic load of an aligned int (acquire). */
    public int getIntAcquire(int at) {
        return (int) INTS.getAcquire(bytes, at);
    }

    /** An atomic load of an aligned long (acquire). */
    public long getLongAcquire(int at) {
        return (long) LONGS.getAcquire(bytes, at);
    }

    /** An atomic compare-and-set of an aligned int. */
    public boolean compareAndSetInt(int at, int expected, int value) {
        return INTS.compareAndSet(bytes, at, expected, value);
    }

    /** An atomic fetch-and-add of an aligned int. */
    public int getAndAddInt(int at, int delta) {
        return (int) INTS.getAndAdd(bytes, at, delta);
    }

    /** An atomic compare-and-set of an aligned long. */
    public boolean compareAndSetLong(int at, long expected, long value) {
        return LONGS.compareAndSet(bytes, at, expected, value);
    }

    /** Compare-and-exchange: returns the value found (the new one was stored if it equals {@code expected}). */
    public long compareAndExchangeLong(int at, long expected, long value) {
        return (long) LONGS.compareAndExchange(bytes, at, expected, value);
    }

    /** An atomic fetch-and-add of an aligned long. */
    public long getAndAddLong(int at, long delta) {
        return (long) LONGS.getAndAdd(bytes, at, delta);
    }
}
