package io.shmlab.differential;

import io.shmlab.api.Limits;
import io.shmlab.api.ShmNamespace;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names a random program may use, good and bad, all made from one prefix unique to the program
 * so that cleanup can remove whatever they made: the first {@link #GOOD} are ordinary names, the rest
 * are the edge cases of glibc's and the kernel's name rules (no slash, leading slashes folded, a
 * second slash, empty, {@code "."}, {@code ".."}, NAME_MAX bytes and one more, non-ASCII counted in
 * bytes, a semaphore's file by its {@code sem.} name, a NUL in the middle, past glibc's buffer).
 */
final class Names {
    /** How many ordinary names come first. */
    static final int GOOD = 3;

    private Names() {
    }

    /** The names for a program whose names start with {@code prefix}. */
    static List<String> pool(String prefix) {
        String base = "/" + prefix;
        return List.of(
                base + "-0",
                base + "-1",
                base + "-2",
                prefix + "-noslash",
                "//" + prefix + "-1",
                base + "-a/b",
                "",
                "/",
                "/.",
                "/..",
                "..",
                padded(base + "-max-", Limits.NAME_MAX),
                padded(base + "-over-", Limits.NAME_MAX + 1),
                padded(base + "-semmax-", ShmNamespace.SEMAPHORE_NAME_MAX),
                padded(base + "-glibc-", 300),
                wide(base + "-wide-"),
                base + "-\u017c\u00f3\u0142w",
                "/" + ShmNamespace.semaphoreFile(prefix + "-0"),
                base + "-nul\0tail");
    }

    /**
     * Whether the name at {@code index} is a directory's ({@code "."} or {@code ".."}): shm_open
     * opens one read-only on Linux, which the simulator does not model (a known deviation).
     */
    static boolean namesADirectory(int index) {
        String name = pool("p").get(index).replaceFirst("^/+", "");
        return name.equals(".") || name.equals("..");
    }

    /** The name padded with x to {@code bytes} bytes after its leading slash. */
    private static String padded(String name, int bytes) {
        return name + "x".repeat(bytes - (name.length() - 1));
    }

    /** More than NAME_MAX bytes in fewer than NAME_MAX characters: two bytes per letter. */
    private static String wide(String name) {
        int room = Limits.NAME_MAX - (name.getBytes(StandardCharsets.UTF_8).length - 1);
        String wide = name + "\u017c".repeat(room / 2 + 1);
        if (wide.length() - 1 > Limits.NAME_MAX) {
            throw new IllegalStateException("prefix too long for the wide name: " + name);
        }
        return wide;
    }
}
