package io.shmlab.browser;

import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.ProgressListener;

/** Exercise 5's deadlock as {@code shmlab explore ex5} finds it: the shortest failing schedule's token. */
final class Ex5Deadlock {

    private Ex5Deadlock() {
    }

    static String token() {
        LabDefinition ex5 = Labs.course().byId("ex5").orElseThrow();
        ExplorationReport report = Explorer.explore(new ProgramSimulation(ex5.spec(LabSettings.defaults())), 2,
                ExploreOptions.defaults(), ProgressListener.NONE);
        if (report.shortestFailing() == null) {
            throw new AssertionError("exploring ex5 found no failing schedule: " + report);
        }
        return report.shortestFailing();
    }
}
