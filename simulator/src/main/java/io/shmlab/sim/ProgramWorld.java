package io.shmlab.sim;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.sched.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processes of one scheduled run of a program on a simulated machine: what each printed and how
 * it ended, as the kernel recorded it (the scheduler's verdict wins for processes it stopped).
 */
final class ProgramWorld implements World {
    private final List<KernelProcess> processes;

    ProgramWorld(List<KernelProcess> processes) {
        this.processes = List.copyOf(processes);
    }

    @Override
    public List<ProcessOutcome> outcomes(Map<Integer, Ending> stopped) {
        List<ProcessOutcome> outcomes = new ArrayList<>(processes.size());
        for (KernelProcess p : processes) {
            Ending ending = stopped.get(p.pid());
            if (ending == null) {
                ending = p.ending();
            }
            if (ending == null) {
                throw new IllegalStateException(p + " did not end in a finished run");
            }
            outcomes.add(new ProcessOutcome(p.label(), p.pid(), p.console().contents(), ending));
        }
        return outcomes;
    }

    /**
     * Nothing to free: every process has ended in the kernel by the end of a scheduled run, and the
     * machine of an exploration is dropped with its world.
     */
    @Override
    public void close() {
    }
}
