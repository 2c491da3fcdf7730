package io.shmlab.libc;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Loads, stores, copies and atomics on raw addresses of this process, through
 * {@code sun.misc.Unsafe}. Nothing here checks anything: callers ({@link NativeMapping}) check every
 * access first. Values are in the machine's byte order, little-endian on x86_64.
 */
final class NativeMemory {
    private static final Unsafe UNSAFE = find();
    private static final long BYTE_ARRAY_BASE = Unsafe.ARRAY_BYTE_BASE_OFFSET;

    private NativeMemory() {
    }

    private static Unsafe find() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static byte getByte(long address) {
        return UNSAFE.getByte(address);
    }

    static void putByte(long address, byte value) {
        UNSAFE.putByte(address, value);
    }

    static short getShort(long address) {
        return UNSAFE.getShort(address);
    }

    static void putShort(long address, short value) {
        UNSAFE.putShort(address, value);
    }

    static int getInt(long address) {
        return UNSAFE.getInt(address);
    }

    static void putInt(long address, int value) {
        UNSAFE.putInt(address, value);
    }

    static long getLong(long address) {
        return UNSAFE.getLong(address);
    }

    static void putLong(long address, long value) {
        UNSAFE.putLong(address, value);
    }

    /** memcpy(dst + index, address, length). */
    static void copyToArray(long address, byte[] dst, int index, int length) {
        UNSAFE.copyMemory(null, address, dst, BYTE_ARRAY_BASE + index, length);
    }

    /** memcpy(address, src + index, length). */
    static void copyFromArray(byte[] src, int index, long address, int length) {
        UNSAFE.copyMemory(src, BYTE_ARRAY_BASE + index, null, address, length);
    }

    /** memset(address, value, length). */
    static void fill(long address, long length, byte value) {
        UNSAFE.setMemory(address, length, value);
    }

    static boolean compareAndSetInt(long address, int expected, int value) {
        return UNSAFE.compareAndSwapInt(null, address, expected, value);
    }

    static int getAndAddInt(long address, int delta) {
        return UNSAFE.getAndAddInt(null, address, delta);
    }

    /** A load with acquire semantics (volatile). */
    static long getLongVolatile(long address) {
        return UNSAFE.getLongVolatile(null, address);
    }

    /** A store with release semantics (volatile). */
    static void putLongVolatile(long address, long value) {
        UNSAFE.putLongVolatile(null, address, value);
    }

    static boolean compareAndSetLong(long address, long expected, long value) {
        return UNSAFE.compareAndSwapLong(null, address, expected, value);
    }

    static long getAndAddLong(long address, long delta) {
        return UNSAFE.getAndAddLong(null, address, delta);
    }

    /** malloc(3) of native memory, zeroed. */
    static long allocate(long bytes) {
        long address = UNSAFE.allocateMemory(bytes);
        UNSAFE.setMemory(address, bytes, (byte) 0);
        return address;
    }

    /** free(3). */
    static void free(long address) {
        UNSAFE.freeMemory(address);
    }

    /**
     * True when the error is HotSpot's report of a SIGBUS (or SIGSEGV) taken by an Unsafe access:
     * {@code InternalError: a fault occurred in a (recent) unsafe memory access operation}.
     */
    static boolean isUnsafeAccessFault(Throwable error) {
        return error instanceof InternalError
                && error.getMessage() != null
                && error.getMessage().contains("unsafe memory access");
    }
}
