package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Backends;
import io.shmlab.labs.LabDefinition;

/** Schedules exist only on the simulator: explore, replay and step check it can run here. */
final class SimOnly {

    private SimOnly() {
    }

    static void check(LabDefinition lab) {
        Backend sim = Backends.get("sim");
        if (sim.unavailableReason() != null) {
            throw new BackendUnavailableException("the simulator cannot run " + lab.id() + " here: " + sim.unavailableReason());
        }
    }
}
