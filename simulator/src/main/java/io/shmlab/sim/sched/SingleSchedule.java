package io.shmlab.sim.sched;

/**
 * A strategy of one schedule: the first {@link #beginSchedule} prepares it, every later one says there
 * is none left. A token replayed ({@link ReplayStrategy}), a short run along a prefix
 * ({@link PrefixProbe}), a user stepping ({@link Stepper}), choices made outside and only recorded
 * ({@link ExternalChoices#recording()}).
 */
abstract class SingleSchedule implements Strategy {

    private boolean begun;

    @Override
    public final boolean beginSchedule() {
        if (begun) {
            return false;
        }
        begun = true;
        return true;
    }
}
