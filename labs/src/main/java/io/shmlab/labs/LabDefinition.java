package io.shmlab.labs;

import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A program to run in several processes at once, without a terminal ({@code shmlab run},
 * {@code explore}, {@code replay}, {@code step}): the {@link ProgramSpec} every process builds, the
 * shared names it leaves behind, and whether its race is in plain memory accesses (so the scheduler
 * must be able to switch between any two loads and stores) or in system calls.
 *
 * <p>The course's labs are {@link Lab}; another one is a class implementing this interface, added to
 * a registry with {@link Labs#with}.
 */
public interface LabDefinition {

    /** The name a user types: one word in lower case, such as {@code ex5-fixed}. */
    String id();

    /** One line saying what it is. */
    String summary();

    /** The name of the shared object or semaphore when the user gives none. */
    String defaultName();

    /**
     * True when the race is between plain loads and stores, so a scheduler must be able to switch
     * processes at every memory access to show it (Exercise 1's counter); false when switching at
     * system calls is enough (Exercise 5).
     */
    boolean raceInMemory();

    /** How many processes {@code shmlab run} starts unless told: 2, or 1 for a lab that is one process's story. */
    default int processes() {
        return 2;
    }

    /** The program every process of a run builds. */
    ProgramSpec spec(LabSettings settings);

    /**
     * The parameters this lab takes besides the name, each with one line saying what it does here
     * (as {@code --help} shows it, such as "Exercise 4: how many items the ring buffer holds"); none
     * by default.
     */
    default Map<LabParameter, String> parameters() {
        return Map.of();
    }

    /** The shared memory objects a run leaves behind (to remove after a run on real processes). */
    default List<String> sharedNames(LabSettings settings) {
        return List.of(name(settings));
    }

    /** The named semaphores a run leaves behind. */
    default List<String> semaphoreNames(LabSettings settings) {
        return List.of();
    }

    /**
     * True for a program that says nothing of the names it makes (a program of one's own): what a run
     * on real processes made is then known only from what its processes report.
     */
    default boolean declaresNoNames(LabSettings settings) {
        return sharedNames(settings).isEmpty() && semaphoreNames(settings).isEmpty();
    }

    /** The name in use: the user's, or the default. */
    default String name(LabSettings settings) {
        return settings.nameOr(defaultName());
    }

    /**
     * The lab's objects and named semaphores, as {@link #sharedNames} and {@link #semaphoreNames} give
     * them, that a listing of /dev/shm ({@code NAME}, {@code sem.NAME}) holds.
     */
    default List<String> existingNames(List<String> listed, LabSettings settings) {
        List<String> existing = new ArrayList<>();
        for (String name : sharedNames(settings)) {
            if (listed.contains(ShmNamespace.objectFile(name))) {
                existing.add(name);
            }
        }
        for (String name : semaphoreNames(settings)) {
            if (listed.contains(ShmNamespace.semaphoreFile(name))) {
                existing.add(name);
            }
        }
        return existing;
    }

    /**
     * Removes the lab's objects and named semaphores that exist, except those in {@code keep}; returns
     * the names removed.
     */
    default List<String> removeNames(Os os, LabSettings settings, Collection<String> keep) {
        List<String> removed = new ArrayList<>();
        for (String name : sharedNames(settings)) {
            if (!keep.contains(name) && Unlink.shmIfPresent(os, name)) {
                removed.add(name);
            }
        }
        for (String name : semaphoreNames(settings)) {
            if (!keep.contains(name) && Unlink.semIfPresent(os, name)) {
                removed.add(name);
            }
        }
        return removed;
    }
}
