package io.shmlab.labs;

import io.shmlab.api.Mapping;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code struct myData *data}: the loads and stores Exercises 1 and 2 make through a mapping of
 * {@code /os_cp}, at the offsets of {@link MyDataLayout}. Nothing here is atomic, exactly as in the C:
 * {@code data->counter += n} is a load and then a store, and another process may run between the two.
 */
public final class MyData {
    private final Mapping mapping;

    /** @param mapping a mapping of at least {@link MyDataLayout#SIZE} bytes */
    public MyData(Mapping mapping) {
        this.mapping = mapping;
    }

    /** The mapping behind this pointer. */
    public Mapping mapping() {
        return mapping;
    }

    /** {@code data->version}. */
    public int version() {
        return mapping.getInt(MyDataLayout.VERSION_OFFSET);
    }

    /** {@code data->version++}: a load, then a store. */
    public void incrementVersion() {
        int version = mapping.getInt(MyDataLayout.VERSION_OFFSET);
        mapping.putInt(MyDataLayout.VERSION_OFFSET, version + 1);
    }

    /** {@code printf("%s", data->text)}, bounded by the array (C would run on past a missing NUL). */
    public String text() {
        return mapping.getCString(MyDataLayout.TEXT_OFFSET, MyDataLayout.TEXT_LENGTH);
    }

    /**
     * {@code strcpy(data->text, text)} for text already cut to fit: its bytes, then a NUL.
     *
     * @throws IllegalArgumentException when the bytes and the NUL would overflow text[1020]
     */
    public void writeText(byte[] text) {
        if (text.length >= MyDataLayout.TEXT_LENGTH) {
            throw new IllegalArgumentException("text of " + text.length + " bytes overflows text[" + MyDataLayout.TEXT_LENGTH + "]");
        }
        byte[] withNul = Arrays.copyOf(text, text.length + 1);
        mapping.put(MyDataLayout.TEXT_OFFSET, withNul, 0, withNul.length);
    }

    /** The same for a Java string, as UTF-8. */
    public void writeText(String text) {
        writeText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code data->text[index] = letter}. */
    public void putTextByte(int index, byte letter) {
        if (index < 0 || index >= MyDataLayout.TEXT_LENGTH) {
            throw new IndexOutOfBoundsException("index=" + index);
        }
        mapping.putByte(MyDataLayout.TEXT_OFFSET + index, letter);
    }

    /** {@code data->counter}. */
    public int counter() {
        return mapping.getInt(MyDataLayout.COUNTER_OFFSET);
    }

    /** {@code data->counter += delta}: a load, then a store, not atomic. */
    public void addToCounter(int delta) {
        int counter = mapping.getInt(MyDataLayout.COUNTER_OFFSET);
        mapping.putInt(MyDataLayout.COUNTER_OFFSET, counter + delta);
    }
}
