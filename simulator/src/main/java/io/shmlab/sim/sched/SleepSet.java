package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * The sleep set of a scheduling point (Godefroid 1996): processes whose next step was explored from
 * an earlier point of the same search and has not met a dependent step since, each with the
 * footprint that step had. Running a sleeping process again would only repeat an explored schedule.
 * Immutable.
 */
final class SleepSet {

    static final SleepSet EMPTY = new SleepSet(new int[0], new StepFootprint[0], 0L);

    private final int[] processes;
    private final StepFootprint[] steps;
    private final long mask;

    private SleepSet(int[] processes, StepFootprint[] steps, long mask) {
        this.processes = processes;
        this.steps = steps;
        this.mask = mask;
    }

    /** The sleeping processes, one bit per index. */
    long mask() {
        return mask;
    }

    /** Whether a process sleeps here. */
    boolean asleep(int process) {
        return (mask & 1L << process) != 0;
    }

    /** The same with a process whose next step (this footprint) has been explored. */
    SleepSet with(int process, StepFootprint step) {
        int n = processes.length;
        for (int i = 0; i < n; i++) {
            if (processes[i] == process) {
                StepFootprint[] s = steps.clone();
                s[i] = step;
                return new SleepSet(processes, s, mask);
            }
        }
        int[] p = Arrays.copyOf(processes, n + 1);
        StepFootprint[] s = Arrays.copyOf(steps, n + 1);
        p[n] = process;
        s[n] = step;
        return new SleepSet(p, s, mask | 1L << process);
    }

    /**
     * The sleep set after {@code process} ran a step with this footprint: that process wakes, and so
     * does every one whose explored step it {@linkplain StepFootprint#disturbs disturbs}.
     */
    SleepSet after(int process, StepFootprint step) {
        if (mask == 0) {
            return this;
        }
        int[] p = new int[processes.length];
        StepFootprint[] s = new StepFootprint[processes.length];
        int n = 0;
        long m = 0;
        for (int i = 0; i < processes.length; i++) {
            if (processes[i] != process && !step.disturbs(steps[i])) {
                p[n] = processes[i];
                s[n] = steps[i];
                m |= 1L << processes[i];
                n++;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        return new SleepSet(Arrays.copyOf(p, n), Arrays.copyOf(s, n), m);
    }
}
