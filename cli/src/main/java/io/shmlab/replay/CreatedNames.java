package io.shmlab.replay;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean-up of a program that declares no names (a program of one's own) after a run on real
 * processes: the names its processes' calls made ({@link io.shmlab.api.RunReport#made}, told by each
 * process as the preloaded turnstile of a C program tells them) are removed, so a run leaves what it
 * made nowhere and the next run starts afresh. Nothing else is touched: an object or semaphore that
 * someone else (another run, a C program, another user) made in /dev/shm during the run is theirs,
 * and a name that existed before the run is left as it is even if the run says it made it (it was
 * removed and made again meanwhile: whose it is now cannot be told). What is left undone: a name the
 * run made and removed, that someone else made again before the clean-up, is taken for the run's.
 */
public final class CreatedNames {
    private final List<String> before;

    private CreatedNames(List<String> before) {
        this.before = List.copyOf(before);
    }

    /** Notes what /dev/shm holds now. */
    public static CreatedNames since(Machine machine) {
        return new CreatedNames(machine.listShm());
    }

    /**
     * Removes the entries of /dev/shm the run made ({@code made}) that did not exist before; returns
     * those it removed (a name the program removed itself is simply not there).
     */
    public List<String> remove(Os os, List<String> made) {
        List<String> removed = new ArrayList<>();
        for (String entry : made) {
            if (before.contains(entry)) {
                continue;
            }
            if (Unlink.entryIfPresent(os, entry)) {
                removed.add(entry);
            }
        }
        return removed;
    }
}
