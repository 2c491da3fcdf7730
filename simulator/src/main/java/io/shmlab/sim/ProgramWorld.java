package io.shmlab.sim;

import io.shmlab.api.CheckVerdict;
import io.shmlab.api.Ending;
import io.shmlab.api.FinalCheck;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.sched.World;
import io.shmlab.sim.sched.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The processes of one scheduled run of a program on a simulated machine: what each printed and how
 * it ended, as the kernel recorded it (the scheduler's verdict wins for processes it stopped), and the
 * program's final check, if it has one.
 *
 * <p>A scheduled run has no terminal: its processes' standard input is empty, so a read returns end
 * of input at once, as from {@code /dev/null}, instead of waiting for lines nobody can send (which
 * would hold the run's only running thread forever).
 */
final class ProgramWorld implements World {
    private final List<KernelProcess> processes;
    private final WorldProbe probe;
    private final Supplier<Os> checker;
    private final FinalCheck check;

    /**
     * @param processes the run's processes, started and not yet run: their input is closed now
     * @param probe looks at the machine for a traced run's picture
     */
    ProgramWorld(List<KernelProcess> processes, WorldProbe probe) {
        this(processes, probe, null, null);
    }

    /**
     * @param checker the final check's process, made once the run has ended
     * @param check the final check, or {@code null}
     */
    ProgramWorld(List<KernelProcess> processes, WorldProbe probe, Supplier<Os> checker, FinalCheck check) {
        this.probe = probe;
        this.processes = List.copyOf(processes);
        this.checker = checker;
        this.check = check;
        for (KernelProcess p : this.processes) {
            p.input().close();
        }
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

    @Override
    public CheckVerdict finalCheck() {
        return check == null ? null : CheckVerdict.of(check, checker.get());
    }

    @Override
    public WorldState state() {
        return probe.look();
    }

    /**
     * Nothing to free: every process has ended in the kernel by the end of a scheduled run, and the
     * machine of an exploration is dropped with its world.
     */
    @Override
    public void close() {
    }
}
