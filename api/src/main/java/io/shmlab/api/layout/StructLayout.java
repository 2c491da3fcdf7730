package io.shmlab.api.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A C struct laid out as gcc does on x86_64 Linux: each member at the next offset aligned for its
 * type, the struct aligned as its most aligned member and padded to a multiple of that. A Java
 * program and a C program that declare the same members share the struct byte for byte.
 *
 * <pre>{@code
 * StructLayout myData = StructLayout.builder("myData")
 *         .field("version", CType.INT)
 *         .field("text", CType.array(CType.CHAR, 1020))
 *         .field("counter", CType.INT)
 *         .build();
 * myData.offsetOf("counter");   // 1024
 * myData.size();                // 1028
 * }</pre>
 */
public final class StructLayout {
    private final String name;
    private final Map<String, Field> fields;
    private final long size;
    private final int alignment;

    private StructLayout(String name, Map<String, Field> fields, long size, int alignment) {
        this.name = name;
        this.fields = fields;
        this.size = size;
        this.alignment = alignment;
    }

    /** Starts a struct of the given tag name ({@code struct NAME}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The tag name. */
    public String name() {
        return name;
    }

    /** {@code sizeof(struct NAME)}, trailing padding included. */
    public long size() {
        return size;
    }

    /** {@code _Alignof(struct NAME)}. */
    public int alignment() {
        return alignment;
    }

    /** The members in declaration order. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The member of that name. @throws IllegalArgumentException when there is none */
    public Field field(String fieldName) {
        Field f = fields.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException("struct " + name + " has no member " + fieldName);
        }
        return f;
    }

    /** {@code offsetof(struct NAME, fieldName)}. */
    public long offsetOf(String fieldName) {
        return field(fieldName).offset();
    }

    /** This struct as a type, to nest it or make an array of it. */
    public CType asType() {
        return new CType("struct " + name, size, alignment);
    }

    /** One line per member and per padding hole: offset, size, type, name. */
    public String describe() {
        StringBuilder s = new StringBuilder("struct " + name + " { // size " + size + ", align " + alignment + "\n");
        long at = 0;
        for (Field f : fields.values()) {
            if (f.offset() > at) {
                s.append(String.format("  %6d  %6d  (padding)%n", at, f.offset() - at));
            }
            s.append(String.format("  %6d  %6d  %s %s;%n", f.offset(), f.type().size(), f.type().name(), f.name()));
            at = f.end();
        }
        if (size > at) {
            s.append(String.format("  %6d  %6d  (padding)%n", at, size - at));
        }
        return s.append("}").toString();
    }

    @Override
    public String toString() {
        return "struct " + name + " (size " + size + ", align " + alignment + ")";
    }

    /** Declares members in order, as in the C source. */
    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();
        private long next;
        private int alignment = 1;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a member of the type, aligned for it. */
        public Builder field(String fieldName, CType type) {
            for (Field f : fields) {
                if (f.name().equals(fieldName)) {
                    throw new IllegalArgumentException("struct " + name + " already has a member " + fieldName);
                }
            }
            long offset = alignUp(next, type.alignment());
            fields.add(new Field(fieldName, type, offset));
            next = offset + type.size();
            alignment = Math.max(alignment, type.alignment());
            return this;
        }

        /** Ends the struct: its size is padded to its alignment. */
        public StructLayout build() {
            Map<String, Field> byName = new LinkedHashMap<>();
            for (Field f : fields) {
                byName.put(f.name(), f);
            }
            return new StructLayout(name, byName, alignUp(next, alignment), alignment);
        }

        private static long alignUp(long value, int to) {
            return (value + to - 1) & -(long) to;
        }
    }
}
