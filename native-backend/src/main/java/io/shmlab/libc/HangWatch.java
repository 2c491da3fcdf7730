package io.shmlab.libc;

import java.util.Collection;

/**
 * Decides that real processes are deadlocked from what they are doing, not from how long they take:
 * the thread that runs the program, in every process still running, is asleep in an untimed futex
 * wait (so none of them can ever wake another), and it stays so, with no call of the program
 * returning anywhere, over {@link #SAMPLES} samples taken {@link #SAMPLE_EVERY} apart. A process
 * holding a semaphore while it sleeps for a second is in a timed wait, so a slow run is never called a
 * deadlock.
 */
final class HangWatch {
    /** How many samples in a row must agree. */
    static final int SAMPLES = 3;
    /** How far apart the samples are taken. */
    static final java.time.Duration SAMPLE_EVERY = java.time.Duration.ofMillis(200);

    private int agreeing;
    private long progressAtFirst = -1;

    /**
     * Takes one sample.
     *
     * @param live what the program thread of each process still running is doing
     * @param progress how many calls of the program have returned so far, in every process together
     * @return true once the processes have been seen hung for {@link #SAMPLES} samples in a row
     */
    boolean sample(Collection<KernelWait> live, long progress) {
        boolean allWaiting = !live.isEmpty() && live.stream().allMatch(w -> w == KernelWait.UNTIMED_FUTEX_WAIT);
        if (!allWaiting || (agreeing > 0 && progress != progressAtFirst)) {
            agreeing = 0;
            progressAtFirst = -1;
            if (!allWaiting) {
                return false;
            }
        }
        if (agreeing == 0) {
            progressAtFirst = progress;
        }
        agreeing++;
        return agreeing >= SAMPLES;
    }
}
