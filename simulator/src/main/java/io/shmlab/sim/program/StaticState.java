package io.shmlab.sim.program;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds mutable static state in a program's own classes, from their class files (nothing is loaded or
 * initialized): the classes reachable from the program's class through the classes their constant
 * pools name, within its {@link CodeBase}.
 *
 * <p>A static field is mutable unless it is {@code final} and of a type whose values cannot change:
 * a primitive, {@code String}, a boxed primitive, {@code Pattern}, {@code BigInteger},
 * {@code BigDecimal}, {@code Duration}, one of the api's struct layout descriptors
 * ({@code StructLayout}, {@code CType}, {@code Field}), or the constants of an enum of its own. Synthetic fields (an
 * enum's {@code $VALUES}, a switch's map, {@code $assertionsDisabled}) are the compiler's, written once
 * when the class is initialized, and do not count.
 */
final class StaticState {
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final int ACC_ENUM = 0x4000;
    private static final Set<String> IMMUTABLE = Set.of("Ljava/lang/String;", "Ljava/lang/Integer;",
            "Ljava/lang/Long;", "Ljava/lang/Short;", "Ljava/lang/Byte;", "Ljava/lang/Character;",
            "Ljava/lang/Boolean;", "Ljava/lang/Float;", "Ljava/lang/Double;", "Ljava/util/regex/Pattern;",
            "Ljava/math/BigInteger;", "Ljava/math/BigDecimal;", "Ljava/time/Duration;",
            "Lio/shmlab/api/layout/StructLayout;", "Lio/shmlab/api/layout/CType;", "Lio/shmlab/api/layout/Field;");

    private StaticState() {
    }

    /**
     * The first mutable static field of the classes reachable from {@code root}, as
     * {@code com.example.Counter.runs}, or empty when they have none.
     */
    static Optional<String> firstMutableField(CodeBase codeBase, String root) {
        Deque<String> toVisit = new ArrayDeque<>(List.of(root));
        Set<String> seen = new HashSet<>(toVisit);
        while (!toVisit.isEmpty()) {
            String name = toVisit.removeFirst();
            Optional<byte[]> file = codeBase.classFile(name);
            if (file.isEmpty()) {
                continue;
            }
            ClassFile parsed = ClassFile.parse(file.get(), name);
            if (parsed.mutableField != null) {
                return Optional.of(name + "." + parsed.mutableField);
            }
            for (String referenced : parsed.classes) {
                if (seen.add(referenced)) {
                    toVisit.addLast(referenced);
                }
            }
        }
        return Optional.empty();
    }

    /** What a class file says that matters here: the classes it names and its first mutable static. */
    private static final class ClassFile {
        private final List<String> classes = new ArrayList<>();
        private String mutableField;

        static ClassFile parse(byte[] bytes, String name) {
            try {
                return new ClassFile().read(new DataInputStream(new ByteArrayInputStream(bytes)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the class file of " + name + ": " + e, e);
            }
        }

        private ClassFile read(DataInputStream in) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNames[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            for (int c = 1; c < count; c++) {
                if (classNames[c] == 0) {
                    continue;
                }
                String internal = utf8[classNames[c]];
                int array = internal.lastIndexOf('[');
                if (array >= 0) {
                    internal = internal.charAt(array + 1) == 'L' ? internal.substring(array + 2, internal.length() - 1) : null;
                }
                if (internal != null) {
                    classes.add(internal.replace('/', '.'));
                }
            }
            int access = in.readUnsignedShort();
            String self = "L" + utf8[classNames[in.readUnsignedShort()]] + ";";
            in.readUnsignedShort();
            in.skipNBytes(2L * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                int flags = in.readUnsignedShort();
                String field = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.readUnsignedShort();
                    in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
                }
                if (mutableField == null && mutable(flags, descriptor, (access & ACC_ENUM) != 0, self)) {
                    mutableField = field;
                }
            }
            return this;
        }

        private static boolean mutable(int flags, String descriptor, boolean enumClass, String self) {
            if ((flags & ACC_STATIC) == 0 || (flags & ACC_SYNTHETIC) != 0) {
                return false;
            }
            if ((flags & ACC_FINAL) == 0) {
                return true;
            }
            boolean primitive = descriptor.length() == 1;
            boolean ownConstant = enumClass && descriptor.equals(self);
            return !primitive && !ownConstant && !IMMUTABLE.contains(descriptor);
        }
    }
}
