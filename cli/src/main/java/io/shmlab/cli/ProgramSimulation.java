package io.shmlab.cli;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.SimMachine;
import io.shmlab.sim.SimProcess;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.sched.Simulation;
import io.shmlab.sim.sched.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lab's program as something the scheduler runs again and again: each schedule boots a fresh
 * {@link SimMachine} on the scheduler's dispatcher and launches the program in processes A, B, ...
 * Nothing survives from one schedule to the next (Exercise 5's {@code /myData} included).
 */
final class ProgramSimulation implements Simulation {
    private final ProgramSpec spec;

    ProgramSimulation(ProgramSpec spec) {
        this.spec = spec;
    }

    @Override
    public World boot(Dispatcher dispatcher, int processes, long seed) {
        SimMachine machine = SimMachine.builder().seed(seed).dispatcher(dispatcher).build();
        List<SimProcess> launched = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            launched.add(machine.launch(SimSession.label(i), spec.instantiate()));
        }
        return new ProgramWorld(launched);
    }

    /** The processes of one schedule; what they printed and how they ended. */
    private record ProgramWorld(List<SimProcess> processes) implements World {

        @Override
        public List<ProcessOutcome> outcomes(Map<Integer, Ending> stopped) {
            List<ProcessOutcome> outcomes = new ArrayList<>();
            for (SimProcess p : processes) {
                Ending ending = stopped.containsKey(p.pid()) ? stopped.get(p.pid()) : p.process().ending();
                if (ending == null) {
                    ending = new Ending.Blocked("(never ended)");
                }
                outcomes.add(new ProcessOutcome(p.label(), p.pid(), p.output(), ending));
            }
            return outcomes;
        }

        /**
         * Nothing to free: the scheduler has unwound every process it stopped, and the machine goes
         * with this world. (Closing the machine would wait for processes the scheduler already
         * unwound to report an ending they never will.)
         */
        @Override
        public void close() {
            // the machine is dropped with the world
        }
    }
}
