package io.shmlab.cli;

import io.shmlab.api.Os;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of /dev/shm a command on the real kernel may make, claimed before it runs: those that do
 * not exist yet are the command's own, written down ({@link OwnedNames}) and registered for removal
 * with the {@link CleanUp}; those that exist already are the user's, and are left alone.
 */
final class MadeNames {
    private final List<String> existing;

    private MadeNames(List<String> existing) {
        this.existing = existing;
    }

    /**
     * Claims the entries for a command that removes what it made on every way out ({@code run},
     * {@code replay}).
     *
     * @param present what /dev/shm holds now
     */
    static MadeNames removedOnExit(CleanUp cleanUp, Os os, String command, List<String> entries, List<String> present) {
        MadeNames names = new MadeNames(entries.stream().filter(present::contains).toList());
        List<String> own = entries.stream().filter(e -> !present.contains(e)).toList();
        OwnedNames record = OwnedNames.record(command, own);
        cleanUp.always(() -> {
            List<String> removed = remove(os, own, false);
            record.forget();
            return removed;
        });
        return names;
    }

    /**
     * Claims the entries for an interactive lab: what it made is the user's once it quits normally (as
     * the C program leaves it, for the next program to use); a signal removes it unless another process
     * uses it.
     */
    static MadeNames removedWhenInterrupted(CleanUp cleanUp, Os os, String command, List<String> entries, List<String> present) {
        MadeNames names = new MadeNames(entries.stream().filter(present::contains).toList());
        List<String> own = entries.stream().filter(e -> !present.contains(e)).toList();
        OwnedNames record = OwnedNames.record(command, own);
        cleanUp.whenInterrupted(() -> remove(os, own, true));
        cleanUp.always(() -> {
            record.forget();
            return List.of();
        });
        return names;
    }

    private static List<String> remove(Os os, List<String> own, boolean unlessUsed) {
        List<String> removed = new ArrayList<>();
        ShmUsers users = unlessUsed ? ShmUsers.scan() : null;
        for (String entry : own) {
            if (users != null && !users.otherUsers(entry).isEmpty()) {
                continue;
            }
            if (Unlink.entryIfPresent(os, entry)) {
                removed.add(ShmEntries.display(entry));
            }
        }
        return removed;
    }

    /** The entries that existed before the command: the user's. */
    List<String> existing() {
        return existing;
    }
}
