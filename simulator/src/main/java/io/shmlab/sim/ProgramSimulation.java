package io.shmlab.sim;

import io.shmlab.api.ProgramSpec;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.sched.Simulation;
import io.shmlab.sim.sched.World;

/**
 * A program run in several processes on a freshly booted simulated machine, once per schedule:
 * what {@code Explorer}, {@code Replayer} and {@code Stepper} run. Each boot is a new machine with
 * the schedule's seed, so pids, addresses and the shared memory namespace start the same every time
 * (an object left in /dev/shm by one schedule is gone in the next).
 */
public final class ProgramSimulation implements Simulation {
    private final ProgramSpec program;

    /** The simulation of a program; the class is checked now, so a bad spec fails here. */
    public ProgramSimulation(ProgramSpec program) {
        program.instantiate();
        this.program = program;
    }

    /** The program. */
    public ProgramSpec program() {
        return program;
    }

    @Override
    public World boot(Dispatcher dispatcher, int processes, long seed) {
        SimMachine machine = SimMachine.builder().seed(seed).dispatcher(dispatcher).build();
        return new ProgramWorld(machine.startProcesses(program, processes, seed),
                new WorldProbe(machine.kernel(), machine.semaphoreRegistry()));
    }
}
