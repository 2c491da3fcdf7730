package io.shmlab.api.layout;

/**
 * A C type as the x86_64 Linux ABI (System V) lays it out: its size and its alignment, in bytes.
 *
 * @param name the type as C writes it, e.g. {@code int}, {@code char[1020]}, {@code struct myData}
 * @param size {@code sizeof}
 * @param alignment {@code _Alignof}
 */
public record CType(String name, long size, int alignment) {

    /** {@code char}, {@code int8_t}: 1 byte. */
    public static final CType CHAR = new CType("char", 1, 1);
    /** {@code short}, {@code int16_t}: 2 bytes. */
    public static final CType SHORT = new CType("short", 2, 2);
    /** {@code int}, {@code int32_t}, {@code unsigned}: 4 bytes. */
    public static final CType INT = new CType("int", 4, 4);
    /** {@code long}, {@code int64_t}: 8 bytes. */
    public static final CType LONG = new CType("long", 8, 8);
    /** {@code size_t}: 8 bytes. */
    public static final CType SIZE_T = new CType("size_t", 8, 8);
    /** Any pointer: 8 bytes (never meaningful in another process, as the course warns). */
    public static final CType POINTER = new CType("void *", 8, 8);
    /** glibc's {@code sem_t} on x86_64: a 32-byte union aligned as a long, described by {@link SemT}. */
    public static final CType SEM_T = new CType("sem_t", SemT.SIZE, SemT.ALIGNMENT);

    /** Validates. */
    public CType {
        if (size < 0 || alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("size=" + size + ", alignment=" + alignment);
        }
    }

    /** {@code element[count]}: {@code count} elements, aligned as one element. */
    public static CType array(CType element, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count=" + count);
        }
        return new CType(element.name() + "[" + count + "]", Math.multiplyExact(element.size(), count),
                element.alignment());
    }
}
