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
 */
public record NativeSettings(int semaphoreSpins, boolean checkSemaphoreFiles) {
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
                Boolean.parseBoolean(System.getProperty(CHECK_SEMAPHORE_FILES)));
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
