package io.shmlab.replay;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.List;

/**
 * The clean-up of a program that declares no names (a program of one's own) after a run on real
 * processes: the entries of /dev/shm that appeared during the run are its objects and named semaphores,
 * and are removed, so a run leaves /dev/shm as it found it (and the next run starts afresh). A name that
 * existed before is left as it is.
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

    /** Removes the objects and named semaphores created since; returns their names. */
    public List<String> remove(Machine machine, Os os) {
        List<String> removed = new ArrayList<>();
        for (String entry : machine.listShm()) {
            if (before.contains(entry)) {
                continue;
            }
            boolean gone = ShmNamespace.isSemaphoreFile(entry)
                    ? Unlink.semIfPresent(os, ShmNamespace.semaphoreName(entry))
                    : Unlink.shmIfPresent(os, "/" + entry);
            if (gone) {
                removed.add(entry);
            }
        }
        return removed;
    }
}
