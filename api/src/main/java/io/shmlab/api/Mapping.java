package io.shmlab.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A region of one process's address space made by mmap(2): the {@code void *} mmap returns, with the
 * loads and stores a C program makes through it. Offsets are from {@link #address()}; values are
 * little-endian, as on x86_64.
 *
 * <p>Every access is checked the way the MMU and the kernel check it, before memory is touched:
 * <ul>
 *   <li>an offset outside the mapping's pages, {@code [0, length())} rounded up to a whole number of
 *       pages as the kernel maps it, is outside the mapping: {@link SegmentationFault}
 *       ({@link FaultKind#NOT_MAPPED}), even where Linux would find a neighbouring mapping there (use
 *       {@link Os#mappingAt} to follow a pointer); so is any access after munmap(2);</li>
 *   <li>a load without PROT_READ (or PROT_WRITE, which implies it on x86_64), or a store without
 *       PROT_WRITE: {@link SegmentationFault} ({@link FaultKind#PROTECTION});</li>
 *   <li>an access to a page wholly past the current end of the mapped object: {@link BusError}
 *       ({@link FaultKind#PAST_END_OF_OBJECT}); the rest of the object's last page reads as zero;</li>
 *   <li>the first access, a load or a store, to a page of an object in /dev/shm that was never
 *       touched, when the tmpfs has no page left to allocate for it: {@link BusError}
 *       ({@link FaultKind#NO_SPACE}); through a MAP_PRIVATE mapping too, whose first access reads the
 *       object's page (the private copy a store makes is anonymous memory, outside /dev/shm).</li>
 * </ul>
 * A multi-byte access is checked byte by byte in effect: it faults if any of its bytes would. A bulk
 * copy or fill is checked whole before any byte moves, so one that faults has stored nothing (for
 * NO_SPACE, the pages before the first one that cannot be allocated are allocated, as a C copy would
 * have left them) (C's
 * memcpy and memset may have stored part of the range first, in an order the library chooses;
 * shmlab makes the outcome the same on every backend).
 * The atomic operations need a naturally aligned offset (C11 atomics on a misaligned address are
 * undefined): a misaligned one throws {@link IllegalArgumentException}.
 */
public interface Mapping {
    /** The virtual address of the first byte in the process that made the mapping. */
    long address();

    /** The length asked of mmap(2), in bytes. */
    long length();

    /** The protection, a combination of {@link Protection} constants. */
    int protection();

    /** {@link MapFlags#MAP_SHARED} or {@link MapFlags#MAP_PRIVATE}, with MAP_ANONYMOUS if so. */
    int flags();

    /** The offset in the object at which the mapping starts (0 for anonymous mappings). */
    long fileOffset();

    /** The name of the mapped object ({@code "/os_cp"}, a path), or {@code null} for anonymous memory. */
    String objectName();

    /** Loads a byte: {@code *(int8_t *)(addr + offset)}. */
    byte getByte(long offset);

    /** Stores a byte. */
    void putByte(long offset, byte value);

    /** Loads a 16-bit value. */
    short getShort(long offset);

    /** Stores a 16-bit value. */
    void putShort(long offset, short value);

    /** Loads a 32-bit value: {@code *(int *)(addr + offset)}. */
    int getInt(long offset);

    /** Stores a 32-bit value. */
    void putInt(long offset, int value);

    /** Loads a 64-bit value ({@code long}, {@code size_t}). */
    long getLong(long offset);

    /** Stores a 64-bit value. */
    void putLong(long offset, long value);

    /** Copies {@code length} bytes from the mapping into {@code dst}: memcpy(dst, addr + offset, length). */
    void get(long offset, byte[] dst, int dstIndex, int length);

    /** Copies {@code length} bytes of {@code src} into the mapping: memcpy(addr + offset, src, length). */
    void put(long offset, byte[] src, int srcIndex, int length);

    /** Models atomic_compare_exchange_strong on an {@code int}; true when it stored the new value. */
    boolean compareAndSetInt(long offset, int expected, int value);

    /** Models atomic_fetch_add on an {@code int}: adds and returns the previous value. */
    int getAndAddInt(long offset, int delta);

    /** Models atomic_compare_exchange_strong on a 64-bit value. */
    boolean compareAndSetLong(long offset, long expected, long value);

    /** Models atomic_fetch_add on a 64-bit value. */
    long getAndAddLong(long offset, long delta);

    /** Loads {@code length} bytes into a new array. */
    default byte[] getBytes(long offset, int length) {
        byte[] bytes = new byte[length];
        get(offset, bytes, 0, length);
        return bytes;
    }

    /** Stores all of {@code bytes} at {@code offset}. */
    default void putBytes(long offset, byte[] bytes) {
        put(offset, bytes, 0, bytes.length);
    }

    /** Models memset(addr + offset, value, length). */
    default void fill(long offset, long length, byte value) {
        for (long i = 0; i < length; i++) {
            putByte(offset + i, value);
        }
    }

    /**
     * Reads a NUL-terminated string of at most {@code maxLength} bytes (as printf's {@code %.*s}),
     * decoded as UTF-8. Like C, it reads byte by byte until the NUL, so a string without one runs
     * into whatever follows, up to a fault.
     */
    default String getCString(long offset, int maxLength) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < maxLength; i++) {
            byte b = getByte(offset + i);
            if (b == 0) {
                break;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Models strcpy(addr + offset, text): the UTF-8 bytes of the text, then a NUL. */
    default void putCString(long offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        put(offset, bytes, 0, bytes.length);
        putByte(offset + bytes.length, (byte) 0);
    }
}
