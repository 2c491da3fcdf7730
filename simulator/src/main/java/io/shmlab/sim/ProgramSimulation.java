package io.shmlab.sim;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.ShmSize;
import io.shmlab.sim.kernel.DirectDispatcher;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.program.ProgramClasses;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.sim.sched.Simulation;
import io.shmlab.sim.sched.World;

/**
 * A program run in several processes on a freshly booted simulated machine, once per schedule:
 * what {@code Explorer}, {@code Replayer} and {@code Stepper} run. Each boot is a new machine with
 * the schedule's seed, so pids, addresses and the shared memory namespace start the same every time
 * (an object left in /dev/shm by one schedule is gone in the next).
 *
 * <p>Each process builds its program from {@link ProgramClasses}: a user's program from classes of its
 * own, so its statics are per process. A program with a {@link FinalCheck} (given, or its own class's)
 * has it run on the machine once every process of a schedule has exited, from a process of its own
 * that the scheduler does not run: the machine then routes calls to a direct dispatcher.
 */
public final class ProgramSimulation implements Simulation {
    private final ProgramClasses program;
    private final FinalCheck check;
    private final ShmSize shmSize;

    /**
     * The simulation of a program; the class is checked now, so a bad spec fails here. A program class
     * that implements {@link FinalCheck} is its own check.
     */
    public ProgramSimulation(ProgramSpec program) {
        this(ProgramClasses.of(program), null);
    }

    /**
     * The simulation of a program's classes with a final check.
     *
     * @param check run after every schedule whose processes all exited; {@code null} for the program's
     *     own check when its class implements {@link FinalCheck}, or none
     */
    public ProgramSimulation(ProgramClasses program, FinalCheck check) {
        this(program, check, ShmSize.NOMINAL);
    }

    private ProgramSimulation(ProgramClasses program, FinalCheck check, ShmSize shmSize) {
        this.program = program;
        this.check = check != null ? check : program.finalCheck();
        this.shmSize = shmSize;
    }

    /** The same simulation on machines whose /dev/shm holds {@code size} ({@code null}: the nominal 8 GiB). */
    public ProgramSimulation withShmSize(ShmSize size) {
        return new ProgramSimulation(program, check, size == null ? ShmSize.NOMINAL : size);
    }

    /** The capacity of the /dev/shm of each machine it boots. */
    @Override
    public ShmSize shmSize() {
        return shmSize;
    }

    /** The program. */
    public ProgramSpec program() {
        return program.spec();
    }

    /** The program's class name and arguments. */
    @Override
    public Schedule.FoundFor foundFor() {
        return Schedule.FoundFor.of(program.spec());
    }

    @Override
    public World boot(Dispatcher dispatcher, int processes, long seed) {
        if (check == null) {
            SimMachine machine = SimMachine.builder().seed(seed).dispatcher(dispatcher).shmSize(shmSize).build();
            return new ProgramWorld(machine.startProcesses(program, processes, seed),
                    new WorldProbe(machine.kernel(), machine.semaphoreRegistry()));
        }
        RunRouter router = new RunRouter(new DirectDispatcher());
        router.route(dispatcher);
        SimMachine machine = SimMachine.builder().seed(seed).dispatcher(router).shmSize(shmSize).build();
        return new ProgramWorld(machine.startProcesses(program, processes, seed),
                new WorldProbe(machine.kernel(), machine.semaphoreRegistry()), () -> {
                    router.routeDirect();
                    return machine.spawn();
                }, check);
    }
}
