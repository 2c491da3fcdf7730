package io.shmlab.cli;

import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.web.ScheduleView;
import io.shmlab.web.SchedulePage;
import io.shmlab.web.SourceLines;
import io.shmlab.web.TraceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code replay}'s {@code --html FILE} and {@code --json}: a replayed schedule as the self-contained
 * page, or as the schema-versioned JSON other tools read (both from {@link TraceJson}).
 */
final class ScheduleExport {

    private ScheduleExport() {
    }

    /** The run as {@link TraceJson} writes it, its source lines looked up from the working folder. */
    static String json(String program, String token, ScheduledRun run) {
        return new TraceJson(SourceLines.fromWorkingFolder())
                .write(new ScheduleView(program, token, run.trace(), run.report(), run.outcome()));
    }

    /**
     * Writes the page of the run to {@code file} (its folder made if needed).
     *
     * @throws UsageError when the file cannot be written
     */
    static void writePage(Path file, String json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, SchedulePage.exported(json), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
