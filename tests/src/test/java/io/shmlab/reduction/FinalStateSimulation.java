package io.shmlab.reduction;

import io.shmlab.api.Ending;
import io.shmlab.api.Program;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ShmSize;
import io.shmlab.sim.SimMachine;
import io.shmlab.sim.SimProcess;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.Kernel;
import io.shmlab.sim.kernel.MemoryObject;
import io.shmlab.sim.sched.Simulation;
import io.shmlab.sim.sched.World;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.IntFunction;

/**
 * Programs run on a fresh simulated machine per schedule, as {@code ProgramSimulation} runs them, that
 * also collect how each run ended in full: its outcome is every process's ending (exit status, signal,
 * or the call it is blocked in) and output, then every name of /dev/shm with its object's size,
 * allocated pages and bytes (semaphores' values included: a semaphore is bytes of an object), and the
 * pages the tmpfs has in use. Kernel-internal identities
 * (object ids, futex keys) are left out: they name things, they are not what a program sees.
 *
 * <p>Booted by the exploring threads at once, so the outcomes go to a concurrent set. A run the search
 * stopped before its end (a short run that splits the search, a run cut because every way on was
 * explored) is no outcome: its processes were killed with a detail that says so.
 */
final class FinalStateSimulation implements Simulation {

    /** Bytes of an object compared, from its start: the programs here use less. */
    private static final int COMPARED_BYTES = 3 * 4096;
    /** How a process of a run stopped by the search ends. */
    private static final String STOPPED = "stopped before the end";

    private final IntFunction<Program> programs;
    private final ShmSize shmSize;
    private final Set<String> seen = new ConcurrentSkipListSet<>();

    /** @param programs the program of the process with each index (from 0) */
    FinalStateSimulation(IntFunction<Program> programs) {
        this(programs, ShmSize.NOMINAL);
    }

    /** The same on machines whose /dev/shm holds {@code shmSize}. */
    FinalStateSimulation(IntFunction<Program> programs, ShmSize shmSize) {
        this.programs = programs;
        this.shmSize = shmSize;
    }

    @Override
    public ShmSize shmSize() {
        return shmSize;
    }

    /** The same programs, with no outcome collected yet. */
    FinalStateSimulation fresh() {
        return new FinalStateSimulation(programs, shmSize);
    }

    /** The distinct outcomes of the runs so far, sorted. */
    Set<String> outcomes() {
        return new TreeSet<>(seen);
    }

    @Override
    public World boot(Dispatcher dispatcher, int processes, long seed) {
        SimMachine machine = SimMachine.builder().seed(seed).dispatcher(dispatcher).shmSize(shmSize).build();
        List<SimProcess> started = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            SimProcess p = machine.launch(String.valueOf((char) ('A' + i)), programs.apply(i));
            p.closeInput();
            started.add(p);
        }
        return new World() {
            @Override
            public List<ProcessOutcome> outcomes(Map<Integer, Ending> stopped) {
                List<ProcessOutcome> outcomes = new ArrayList<>();
                StringBuilder b = new StringBuilder();
                boolean stoppedBySearch = false;
                for (SimProcess p : started) {
                    Ending ending = stopped.getOrDefault(p.pid(), p.process().ending());
                    stoppedBySearch |= ending instanceof Ending.Killed k && k.detail().startsWith(STOPPED);
                    outcomes.add(new ProcessOutcome(p.label(), p.pid(), p.output(), ending));
                    b.append(p.label()).append(": ").append(ending).append(" | ").append(p.output().replace("\n", "\\n"))
                            .append('\n');
                }
                Kernel kernel = machine.kernel();
                for (String name : kernel.listShm()) {
                    MemoryObject o = kernel.shmObject(name);
                    byte[] bytes = o.peek(0, COMPARED_BYTES);
                    int end = bytes.length;
                    while (end > 0 && bytes[end - 1] == 0) {
                        end--;
                    }
                    b.append(name).append(" size ").append(o.size()).append(", ").append(o.allocatedPages())
                            .append(" pages: ").append(HexFormat.of().formatHex(bytes, 0, end)).append('\n');
                }
                b.append("/dev/shm: ").append(kernel.tmpfs().usedPages()).append(" pages used\n");
                if (!stoppedBySearch) {
                    seen.add(b.toString());
                }
                return outcomes;
            }

            @Override
            public void close() {
            }
        };
    }
}
