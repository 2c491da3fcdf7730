package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labs' classes keep no mutable static state, which is why the simulated processes of a lab share
 * its classes (one process, one world holds without a class loader per process; see
 * {@code io.shmlab.sim.program}): every static field is final, of a primitive, a string or another
 * value that cannot change (the api's struct layouts among them), or an enum's own constant.
 */
class LabsKeepNoMutableStaticsTest {
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Boolean.class,
            java.time.Duration.class, java.util.regex.Pattern.class, io.shmlab.api.layout.StructLayout.class,
            io.shmlab.api.layout.CType.class, io.shmlab.api.layout.Field.class);

    @Test
    void everyStaticFieldOfTheLabsIsAConstant() throws Exception {
        Path location = Path.of(Lab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> mutable = new ArrayList<>();
        int checked = 0;
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
                Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
            Path classes = jar == null ? location : jar.getPath("/");
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Lab.class.getClassLoader());
                for (Field f : type.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m) || f.isSynthetic()) {
                        continue;
                    }
                    boolean constant = Modifier.isFinal(m) && (f.getType().isPrimitive() || IMMUTABLE.contains(f.getType())
                            || (f.isEnumConstant()));
                    if (!constant) {
                        mutable.add(type.getName() + "." + f.getName() + " (" + f.getType().getSimpleName() + ")");
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 10, "the labs' classes were found: " + checked);
        assertEquals(List.of(), mutable);
    }
}
