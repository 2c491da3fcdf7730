package io.shmlab.exec;

import io.shmlab.libc.exec.CBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labs' C twins: each a lab's run-mode program in C, call for call the same as the Java lab, so
 * that a schedule the simulator found on the lab can be forced on real processes of it
 * ({@code shmlab replay <lab> <token> --exec}). They ship as resources of the labs module and are
 * built by shmlab on first use ({@link CBuild#program}).
 */
public final class CTwins {
    /** Where the sources are, among the labs module's resources. */
    private static final String RESOURCES = "/io/shmlab/labs/c/";
    /** Where they are in the repository. */
    private static final String IN_REPOSITORY = "labs/src/main/resources/io/shmlab/labs/c/";
    private static final Map<String, String> SOURCES = Map.of("ex1", "ex1.c", "ex2", "ex2.c", "ex3", "ex3.c", "ex4", "ex4.c",
            "ex5", "ex5.c", "ex5-fixed", "ex5-fixed.c");

    private CTwins() {
    }

    /** The labs that have a twin. */
    public static List<String> labs() {
        return SOURCES.keySet().stream().sorted().toList();
    }

    /** Where a lab's twin's source is in the repository, if it has one. */
    public static Optional<String> source(String labId) {
        return Optional.ofNullable(SOURCES.get(labId)).map(file -> IN_REPOSITORY + file);
    }

    /**
     * A lab's twin, built.
     *
     * @throws IllegalArgumentException when the lab has none
     */
    public static Path built(String labId) {
        String file = SOURCES.get(labId);
        if (file == null) {
            throw new IllegalArgumentException(labId + " has no C twin (twins: " + String.join(", ", labs()) + ")");
        }
        return CBuild.program(labId, CBuild.resource(RESOURCES + file));
    }
}
