package io.shmlab.libc;

/**
 * The native backend's settings, read from this JVM's system properties when it boots and handed down
 * to what they configure (the {@link SemaphoreFastPath} of its machine); child JVMs of a run are given
 * the same properties ({@link ChildRun}).
 *
 * @param semaphoreFastPath whether glibc's uncontended sem_post and sem_wait are made in Java on the
 *     same word ({@link #SEMAPHORE_FAST_PATH})
 * @param semaphoreSpins how many times a wait that finds the value 0 polls it before glibc puts it to
 *     sleep ({@link #SEMAPHORE_SPINS})
 */
public record NativeSettings(boolean semaphoreFastPath, int semaphoreSpins) {
    /**
     * {@code -Dshmlab.native.semaphoreFastPath=false} makes every semaphore operation a glibc call;
     * by default glibc's uncontended sem_post and sem_wait are made in Java on the same word.
     */
    public static final String SEMAPHORE_FAST_PATH = "shmlab.native.semaphoreFastPath";

    /**
     * {@code -Dshmlab.native.semaphoreSpins=N}: how many times a sem_wait or sem_timedwait that finds
     * the value 0 polls it before glibc puts it to sleep; {@link SemaphoreFastPath#DEFAULT_SPINS} by
     * default (as musl), 0 to sleep at once as glibc does.
     */
    public static final String SEMAPHORE_SPINS = "shmlab.native.semaphoreSpins";

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
        boolean fastPath = !"false".equalsIgnoreCase(System.getProperty(SEMAPHORE_FAST_PATH));
        return new NativeSettings(fastPath, spins(System.getProperty(SEMAPHORE_SPINS)));
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
            return SemaphoreFastPath.DEFAULT_SPINS;
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
