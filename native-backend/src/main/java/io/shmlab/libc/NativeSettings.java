package io.shmlab.libc;

/**
 * The native backend's settings, read from this JVM's system properties when it boots and handed down
 * to what they configure (the semaphore calls of its machine's processes); child JVMs of a run are
 * given the same properties ({@link ChildRun}).
 *
 * @param semaphoreSpins how many times a wait that finds the value 0 polls it before it sleeps on the
 *     futex ({@link #SEMAPHORE_SPINS})
 * @param checkSemaphoreFiles whether every semaphore call on a page of a file asks the file's size
 *     first ({@link #CHECK_SEMAPHORE_FILES})
 * @param populatePages whether the first access to each page of a mapping of a file faults it in with
 *     madvise(2) first ({@link #POPULATE_PAGES})
 */
public record NativeSettings(int semaphoreSpins, boolean checkSemaphoreFiles, boolean populatePages) {
    /**
     * {@code -Dshmlab.native.semaphoreSpins=N}: how many times a sem_wait or sem_timedwait that finds
     * the value 0 polls it before it sleeps on the futex; {@link SemaphoreSpin#DEFAULT_SPINS} by
     * default (as musl), 0 to sleep at once as glibc does.
     */
    public static final String SEMAPHORE_SPINS = "shmlab.native.semaphoreSpins";

    /**
     * {@code -Dshmlab.native.checkSemaphoreFiles=true}: before every semaphore call on a page of a
     * file (a named semaphore, or a {@code sem_t} in a mapping of an object), ask the kernel the
     * file's size (one fstat), so that a file another process cut before the call is a
     * {@link io.shmlab.api.BusError} and never a crash of the JVM. Off by default: it costs a system
     * call per semaphore call, and the JVM's own cuts are seen without it (see the README).
     */
    public static final String CHECK_SEMAPHORE_FILES = "shmlab.native.checkSemaphoreFiles";

    /**
     * {@code -Dshmlab.native.populatePages=false}: do not fault in each page of a file's mapping with
     * madvise(MADV_POPULATE_READ or _WRITE) before its first load or store. On by default: a full
     * tmpfs answers that madvise with EFAULT, which becomes the same {@link io.shmlab.api.BusError}
     * ({@link io.shmlab.api.FaultKind#NO_SPACE}) the simulator raises, where the access itself would
     * take a real SIGBUS in the JVM. It costs one system call per page of a mapping, once; off only to
     * measure that cost.
     */
    public static final String POPULATE_PAGES = "shmlab.native.populatePages";

    /** The settings with {@link #POPULATE_PAGES} on. */
    public NativeSettings(int semaphoreSpins, boolean checkSemaphoreFiles) {
        this(semaphoreSpins, checkSemaphoreFiles, true);
    }

    /** Validates. */
    public NativeSettings {
        if (semaphoreSpins < 0) {
            throw new IllegalArgumentException("semaphoreSpins=" + semaphoreSpins);
        }
    }

    /**
     * The settings this JVM's system properties give.
     *
     * @throws IllegalArgumentException naming the property when one is set to a value it does not take
     */
    public static NativeSettings fromSystemProperties() {
        return new NativeSettings(spins(System.getProperty(SEMAPHORE_SPINS)),
                Boolean.parseBoolean(System.getProperty(CHECK_SEMAPHORE_FILES)),
                !"false".equalsIgnoreCase(String.valueOf(System.getProperty(POPULATE_PAGES)).strip()));
    }

    /** What is wrong with this JVM's settings, or {@code null}. */
    static String problemInSystemProperties() {
        try {
            fromSystemProperties();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int spins(String value) {
        if (value == null) {
            return SemaphoreSpin.DEFAULT_SPINS;
        }
        try {
            int spins = Integer.parseInt(value.trim());
            if (spins >= 0) {
                return spins;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("-D" + SEMAPHORE_SPINS + "=" + value + ": not a number of polls (0 or more)");
    }
}
