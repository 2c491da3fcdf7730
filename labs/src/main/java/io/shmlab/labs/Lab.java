package io.shmlab.labs;

import io.shmlab.api.ProgramSpec;
import java.util.List;
import java.util.Map;

/**
 * The exercises of the course as {@link LabDefinition}s: what {@code shmlab run}, {@code explore},
 * {@code replay} and {@code step} run in several processes at once, without a terminal. A new exercise
 * is a program class and a constant here; {@link Labs#course()} lists them in this order.
 */
public enum Lab implements LabDefinition {
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
        public Map<LabParameter, String> parameters() {
            return Map.of(LabParameter.CAPACITY, "Exercise 4: how many items the ring buffer holds"
                    + " (MAX_ELEMENTS_PLUS_ONE - 1; default " + LabSettings.defaults().capacity() + ")");
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

        @Override
        public Map<LabParameter, String> parameters() {
            return Map.of(LabParameter.DELAY_INIT, "Exercise 5: the creator sleeps this long before sem_init (e.g. 2s),"
                    + " so the race shows on real processes");
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
    },
    /**
     * When /dev/shm is full: an object grown to 4 MiB with ftruncate, then written page by page (one
     * process unless told): SIGBUS part-way in a small /dev/shm, or with {@code --fallocate} ENOSPC at once.
     */
    SHM_FULL("shm-full", "When /dev/shm is full: a 4 MiB object written page by page dies of SIGBUS part-way"
            + " (try --shm-size=1m); with --fallocate, ENOSPC at once", ShmFull.DEFAULT_NAME, false) {
        @Override
        public ProgramSpec spec(LabSettings settings) {
            return settings.fallocate() ? ProgramSpec.of(ShmFull.class, name(settings), ShmFull.FALLOCATE)
                    : ProgramSpec.of(ShmFull.class, name(settings));
        }

        @Override
        public Map<LabParameter, String> parameters() {
            return Map.of(LabParameter.FALLOCATE, "shm-full: call posix_fallocate before writing, so a /dev/shm too"
                    + " small is ENOSPC at once instead of SIGBUS part-way");
        }

        @Override
        public int processes() {
            return 1;
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

    /** {@code ex1} ... {@code ex5}, {@code ex5-fixed}, {@code shm-full}. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String defaultName() {
        return defaultName;
    }

    @Override
    public boolean raceInMemory() {
        return raceInMemory;
    }
}
