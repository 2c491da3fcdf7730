package io.shmlab.labs;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * Descriptor of {@code struct myData}, the shared memory object of Exercises 1 and 2 ({@code /os_cp}),
 * with the {@code counter} member Exercise 1 asks to add. A C program declaring the same struct shares
 * the object byte for byte.
 *
 * <pre>
 * struct myData {            offset
 *   int version;                  0   +------------------+
 *   char text[1020];              4   | version (int)    |
 *   int counter;               1024   +------------------+
 * };                                  | text[1020]       |
 *                                     |  ...             |
 *                          1024       +------------------+
 *                                     | counter (int)    |
 *                          1028       +------------------+  sizeof = 1028, align 4
 * </pre>
 */
public final class MyDataLayout {
    /** {@code char text[1020]}: the room for a C string, its NUL included. */
    public static final int TEXT_LENGTH = 1020;

    /** The struct as gcc lays it out on x86_64. */
    public static final StructLayout LAYOUT = StructLayout.builder("myData")
            .field("version", CType.INT)
            .field("text", CType.array(CType.CHAR, TEXT_LENGTH))
            .field("counter", CType.INT)
            .build();

    /** {@code offsetof(struct myData, version)}. */
    public static final long VERSION_OFFSET = LAYOUT.offsetOf("version");
    /** {@code offsetof(struct myData, text)}: just past the version. */
    public static final long TEXT_OFFSET = LAYOUT.offsetOf("text");
    /** {@code offsetof(struct myData, counter)}: just past the text. */
    public static final long COUNTER_OFFSET = LAYOUT.offsetOf("counter");
    /** {@code sizeof(struct myData)}. */
    public static final long SIZE = LAYOUT.size();

    private MyDataLayout() {
    }
}
