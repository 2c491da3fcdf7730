package io.shmlab.cli;

import io.shmlab.api.Os;
import io.shmlab.api.RunReport;
import io.shmlab.replay.CreatedNames;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The names a run of one's own program on real processes made ({@link CreatedNames}), removed once:
 * by the command when the run has ended, or by the {@link CleanUp} when a signal ends the command in
 * the middle of the run. The names are known only from the run's report, which the command's thread
 * gets once the clean-up has stopped the processes; the clean-up waits for it a few seconds.
 */
final class OwnProgramNames {
    /** How long the clean-up waits for the run's report once a signal came. */
    private static final long PATIENCE_SECONDS = 5;

    private final CreatedNames created;
    private final Os os;
    private final CompletableFuture<List<String>> made = new CompletableFuture<>();
    private final AtomicBoolean removed = new AtomicBoolean();

    private OwnProgramNames(CreatedNames created, Os os) {
        this.created = created;
        this.os = os;
    }

    /** Watches a run about to start: what it makes is removed after it, or by the clean-up of a signal. */
    static OwnProgramNames watch(CreatedNames created, Os os, CleanUp cleanUp) {
        OwnProgramNames names = new OwnProgramNames(created, os);
        cleanUp.whenInterrupted(names::removeOnceKnown);
        return names;
    }

    /** The run has ended with this report: its names are known. */
    void ran(RunReport report) {
        made.complete(report.made());
    }

    /** The command is past the run: removes what it made, if it is known (a run that failed tells nothing). */
    void remove() {
        made.complete(List.of());
        removeOnce(made.join());
    }

    private List<String> removeOnceKnown() {
        try {
            return removeOnce(made.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<String> removeOnce(List<String> names) {
        return removed.compareAndSet(false, true) ? created.remove(os, names) : List.of();
    }
}
