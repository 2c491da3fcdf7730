package io.shmlab.labs;

import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Unlink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The exercises of the course as programs to run in several processes at once, without a terminal
 * ({@code shmlab run}, {@code explore}, {@code replay}, {@code step}): each gives the
 * {@link ProgramSpec} every process builds, the shared names it leaves behind, and whether its race is
 * in plain memory accesses (so the scheduler must be able to switch between any two loads and stores)
 * or in system calls.
 */
public enum Lab {
    /** Exercise 1's counter: {@code i 1} in every process, then a check for a lost update. */
    EX1("ex1", "Exercise 1: a text and a counter in /os_cp; run: every process does 'i 1' and checks the counter",
            Exercise1.DEFAULT_NAME, true) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(CounterRace.class, name(settings));
        }

        @Override
        public List<String> sharedNames(LabSettings settings) {
            return List.of(name(settings), name(settings) + CounterRace.FINISH_SUFFIX);
        }
    },
    /** Exercise 2: the letter writer, one pass over the alphabet per process. */
    EX2("ex2", "Exercise 2: the writer that fills the text of /os_cp with letters; run: one pass of a..z",
            Exercise1.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise2.class, name(settings), "1");
        }
    },
    /** Exercise 3: the creator waits on a named semaphore, the others post it. */
    EX3("ex3", "Exercise 3: a named semaphore (/ex3) created with value 0: one waits, the others post",
            Exercise3.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise3.class, "auto", name(settings));
        }

        @Override
        public List<String> sharedNames(LabSettings settings) {
            return List.of();
        }

        @Override
        public List<String> semaphoreNames(LabSettings settings) {
            return List.of(name(settings));
        }
    },
    /** Exercise 4: the ring buffer with named semaphores; each process puts an item and gets one. */
    EX4("ex4", "Exercise 4: a ring buffer in /ring with named semaphores; run: every process puts one item and gets one",
            Exercise4.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise4.class, name(settings), Integer.toString(settings.capacity()), "pitem", "g");
        }

        @Override
        public List<String> semaphoreNames(LabSettings settings) {
            return Exercise4.semaphoreNames(name(settings));
        }
    },
    /** Exercise 5, the seed's racy program: one instance can block forever. */
    EX5("ex5", "Exercise 5: the seed's racy program (/myData): sem_init can come after another process's sem_wait",
            Exercise5.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise5.class, name(settings), Long.toString(settings.delayInit().toMillis()));
        }
    },
    /** Exercise 5 corrected with a named semaphore created with its value. */
    EX5_FIXED("ex5-fixed", "Exercise 5 fixed: the semaphore is created with its value in one step (sem_open O_CREAT)",
            Exercise5.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise5Fixed.class, name(settings));
        }

        @Override
        public List<String> sharedNames(LabSettings settings) {
            return List.of();
        }

        @Override
        public List<String> semaphoreNames(LabSettings settings) {
            return List.of(name(settings));
        }
    };

    private final String id;
    private final String summary;
    private final String defaultName;
    private final boolean raceInMemory;

    Lab(String id, String summary, String defaultName, boolean raceInMemory) {
        this.id = id;
        this.summary = summary;
        this.defaultName = defaultName;
        this.raceInMemory = raceInMemory;
    }

    /** The name a user types: {@code ex1} ... {@code ex5}, {@code ex5-fixed}. */
    public String id() {
        return id;
    }

    /** One line saying what it is. */
    public String summary() {
        return summary;
    }

    /** The name of the shared object or semaphore when the user gives none. */
    public String defaultName() {
        return defaultName;
    }

    /**
     * True when the race is between plain loads and stores, so a scheduler must be able to switch
     * processes at every memory access to show it (Exercise 1's counter); false when switching at
     * system calls is enough (Exercise 5).
     */
    public boolean raceInMemory() {
        return raceInMemory;
    }

    /** The program every process of a run builds. */
    public abstract ProgramSpec spec(LabSettings settings);

    /** The shared memory objects a run leaves behind (to remove after a run on real processes). */
    public List<String> sharedNames(LabSettings settings) {
        return List.of(name(settings));
    }

    /** The named semaphores a run leaves behind. */
    public List<String> semaphoreNames(LabSettings settings) {
        return List.of();
    }

    /**
     * The lab's objects and named semaphores, as {@link #sharedNames} and {@link #semaphoreNames} give
     * them, that a listing of /dev/shm ({@code NAME}, {@code sem.NAME}) holds.
     */
    public List<String> existingNames(List<String> listed, LabSettings settings) {
        List<String> existing = new ArrayList<>();
        for (String name : sharedNames(settings)) {
            if (listed.contains(name.substring(1))) {
                existing.add(name);
            }
        }
        for (String name : semaphoreNames(settings)) {
            if (listed.contains("sem." + name.substring(1))) {
                existing.add(name);
            }
        }
        return existing;
    }

    /**
     * Removes the lab's objects and named semaphores that exist, except those in {@code keep}; returns
     * the names removed.
     */
    public List<String> removeNames(Os os, LabSettings settings, Collection<String> keep) {
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

    /** The name in use: the user's, or the default. */
    public String name(LabSettings settings) {
        return settings.nameOr(defaultName);
    }

    /** The lab a user named, ignoring case. */
    public static Optional<Lab> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(wanted)).findFirst();
    }

    /** Every id, for messages. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Lab l : values()) {
            ids.add(l.id);
        }
        return ids;
    }
}
