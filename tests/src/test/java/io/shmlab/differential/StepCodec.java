package io.shmlab.differential;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Step} as one line of text and back, so that a program drawn here runs step by step in a
 * child JVM ({@link KernelInTmpfs}): the record's simple name, then its components in order, each a
 * number.
 */
final class StepCodec {

    private StepCodec() {
    }

    static String encode(Step step) {
        StringBuilder b = new StringBuilder(step.getClass().getSimpleName());
        try {
            for (RecordComponent c : step.getClass().getRecordComponents()) {
                b.append(' ').append(c.getAccessor().invoke(step));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot encode " + step, e);
        }
        return b.toString();
    }

    static Step decode(String line) {
        String[] words = line.split(" ");
        for (Class<?> type : Step.class.getPermittedSubclasses()) {
            if (!type.getSimpleName().equals(words[0])) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                String w = words[i + 1];
                values.add(types[i] == int.class ? (Object) Integer.parseInt(w)
                        : types[i] == long.class ? (Object) Long.parseLong(w) : (Object) Byte.parseByte(w));
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                return (Step) canonical.newInstance(values.toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot decode " + line, e);
            }
        }
        throw new IllegalArgumentException("no step is called " + words[0]);
    }
}
