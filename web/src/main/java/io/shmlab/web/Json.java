package io.shmlab.web;

import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer: objects and arrays written in order, strings escaped so that the text is safe
 * inside an HTML {@code <script>} element too ({@code <}, {@code >}, {@code &} and the line separators
 * are written as {@code \}u escapes). No reflection, no library: the schema is written by hand in
 * {@link TraceJson}.
 */
public final class Json {
    private final StringBuilder out = new StringBuilder();
    /** Whether the next value in the current object or array needs a comma before it. */
    private boolean comma;

    /** Starts an object ({@code name} null inside an array or at the top). */
    public Json beginObject(String name) {
        key(name);
        out.append('{');
        comma = false;
        return this;
    }

    public Json endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    /** Starts an array ({@code name} null inside an array or at the top). */
    public Json beginArray(String name) {
        key(name);
        out.append('[');
        comma = false;
        return this;
    }

    public Json endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** A string, or null. */
    public Json value(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        comma = true;
        return this;
    }

    public Json value(String name, long value) {
        key(name);
        out.append(value);
        comma = true;
        return this;
    }

    public Json value(String name, boolean value) {
        key(name);
        out.append(value);
        comma = true;
        return this;
    }

    /** An array of strings. */
    public Json strings(String name, Collection<String> values) {
        beginArray(name);
        for (String v : values) {
            value(null, v);
        }
        return endArray();
    }

    /** An array of numbers. */
    public Json numbers(String name, Collection<? extends Number> values) {
        beginArray(name);
        for (Number v : values) {
            value(null, v.longValue());
        }
        return endArray();
    }

    /** An object of numbers, keys in the map's order. */
    public Json numberMap(String name, Map<String, ? extends Number> values) {
        beginObject(name);
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            value(e.getKey(), e.getValue().longValue());
        }
        return endObject();
    }

    private void key(String name) {
        if (comma) {
            out.append(',');
        }
        if (name != null) {
            string(name);
            out.append(':');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
