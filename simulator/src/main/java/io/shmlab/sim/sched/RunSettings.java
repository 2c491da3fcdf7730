package io.shmlab.sim.sched;

/**
 * How one schedule is run.
 *
 * @param processes how many processes the run starts with (at least 1)
 * @param seed the machine seed: the address-space layout of the simulated machine
 * @param granularity where processes hand control back
 * @param stepLimit how many scheduling points a run may pass before it is stopped as a livelock
 * @param recordTrace whether to keep the trace (exploration runs without it, replay with it)
 * @param spuriousEintr whether every other futex wait of a process is interrupted at once (EINTR), so
 *     that glibc's retry loops run; the schedule's token records it, since the retries are steps
 */
public record RunSettings(int processes, long seed, Granularity granularity, long stepLimit, boolean recordTrace,
        boolean spuriousEintr) {

    /** The step limit unless one is given. */
    public static final long DEFAULT_STEP_LIMIT = 100_000;

    /** Validates. */
    public RunSettings {
        if (processes < 1) {
            throw new IllegalArgumentException("processes=" + processes);
        }
        if (granularity == null) {
            throw new IllegalArgumentException("granularity=null");
        }
        if (stepLimit < 1) {
            throw new IllegalArgumentException("stepLimit=" + stepLimit);
        }
    }

    /** Settings without spurious EINTR. */
    public RunSettings(int processes, long seed, Granularity granularity, long stepLimit, boolean recordTrace) {
        this(processes, seed, granularity, stepLimit, recordTrace, false);
    }

    /** {@code processes} processes at syscall granularity, seed 0, the default step limit, traced. */
    public static RunSettings of(int processes) {
        return new RunSettings(processes, 0, Granularity.SYSCALL, DEFAULT_STEP_LIMIT, true);
    }

    /** The settings a schedule token was made with, traced. */
    public static RunSettings of(Schedule schedule) {
        return new RunSettings(schedule.processes(), schedule.seed(), schedule.granularity(), schedule.stepLimit(), true,
                schedule.spuriousEintr());
    }

    /** The same with another granularity. */
    public RunSettings with(Granularity g) {
        return new RunSettings(processes, seed, g, stepLimit, recordTrace, spuriousEintr);
    }

    /** The same with another seed. */
    public RunSettings withSeed(long s) {
        return new RunSettings(processes, s, granularity, stepLimit, recordTrace, spuriousEintr);
    }

    /** The same with another step limit. */
    public RunSettings withStepLimit(long limit) {
        return new RunSettings(processes, seed, granularity, limit, recordTrace, spuriousEintr);
    }

    /** The same, traced or not. */
    public RunSettings traced(boolean trace) {
        return new RunSettings(processes, seed, granularity, stepLimit, trace, spuriousEintr);
    }

    /** The same with spurious EINTR on or off. */
    public RunSettings withSpuriousEintr(boolean on) {
        return new RunSettings(processes, seed, granularity, stepLimit, recordTrace, on);
    }
}
