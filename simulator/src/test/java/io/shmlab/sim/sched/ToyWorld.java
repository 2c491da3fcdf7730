package io.shmlab.sim.sched;

import io.shmlab.api.Access;
import io.shmlab.api.Ending;
import io.shmlab.api.ProcessLabel;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.Syscall;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.FutexTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A tiny kernel for testing the scheduler alone: processes share an array of ints, take futex locks
 * on its cells, sleep, and print; every call is bracketed by enter/exit as the real kernel does. Its
 * calls borrow the names of the vocabulary's: a lock is a sem_wait, an unlock a sem_post, a yield a
 * clock_gettime.
 */
final class ToyWorld implements World {

    /** A program of a toy process; returns its exit status. */
    @FunctionalInterface
    interface ToyProgram {
        int run(ToyProcess p);
    }

    /** A simulation that boots a toy world whose processes run the program given for each index. */
    static final class ToySimulation implements Simulation {
        private final IntFunction<ToyProgram> programs;
        ToyWorld last;

        ToySimulation(IntFunction<ToyProgram> programs) {
            this.programs = programs;
        }

        @Override
        public World boot(Dispatcher dispatcher, int processes, long seed) {
            // booted by several exploring threads at once: each boots its own world
            ToyWorld world = new ToyWorld(dispatcher);
            for (int i = 0; i < processes; i++) {
                world.start(100 + i, programs.apply(i));
            }
            last = world;
            return world;
        }
    }

    static final long BASE = 0x7f0000000000L;

    final Dispatcher dispatcher;
    final FutexTable futexes;
    final int[] memory = new int[16];
    final Map<Integer, StringBuilder> output = new LinkedHashMap<>();
    final Map<Integer, Integer> status = new LinkedHashMap<>();
    boolean closed;

    ToyWorld(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.futexes = new FutexTable(dispatcher);
    }

    void start(int pid, ToyProgram program) {
        output.put(pid, new StringBuilder());
        dispatcher.start(pid, () -> status.put(pid, program.run(new ToyProcess(this, pid))));
    }

    @Override
    public List<ProcessOutcome> outcomes(Map<Integer, Ending> stopped) {
        List<ProcessOutcome> outcomes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Integer, StringBuilder> e : output.entrySet()) {
            int pid = e.getKey();
            Ending ending = stopped.containsKey(pid) ? stopped.get(pid) : new Ending.Exited(status.get(pid));
            outcomes.add(new ProcessOutcome(ProcessLabel.of(i++), pid, e.getValue().toString(), ending));
        }
        return outcomes;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** One toy process's calls. */
    static final class ToyProcess {
        private final ToyWorld world;
        private final Dispatcher d;
        final int pid;

        ToyProcess(ToyWorld world, int pid) {
            this.world = world;
            this.d = world.dispatcher;
            this.pid = pid;
        }

        /** Tells the dispatcher's touch log that the cell is read or written, as the real kernel tells its. */
        private void touch(int cell, Access access) {
            if (d.touches().recording()) {
                d.touches().memory(1, 4L * cell, 4, access);
            }
        }

        private static FutexKey key(int cell) {
            return new FutexKey(1, 4L * cell, true);
        }

        int load(int cell) {
            d.access(pid, Access.READ, BASE + 4L * cell, 4);
            touch(cell, Access.READ);
            return world.memory[cell];
        }

        void store(int cell, int value) {
            d.access(pid, Access.WRITE, BASE + 4L * cell, 4);
            touch(cell, Access.WRITE);
            world.memory[cell] = value;
        }

        void lock(int cell) {
            d.enter(pid, Syscall.SEM_WAIT, "&cell[" + cell + "]");
            try {
                touch(cell, Access.WRITE);
                while (world.memory[cell] != 0) {
                    world.futexes.wait(pid, key(cell), Long.MAX_VALUE);
                    touch(cell, Access.WRITE);
                }
                world.memory[cell] = 1;
            } finally {
                d.exit(pid, "0");
            }
        }

        void unlock(int cell) {
            d.enter(pid, Syscall.SEM_POST, "&cell[" + cell + "]");
            try {
                touch(cell, Access.WRITE);
                world.memory[cell] = 0;
                world.futexes.wake(pid, key(cell), 1);
            } finally {
                d.exit(pid, "0");
            }
        }

        /** Waits until the cell is non-zero, then decrements it; false at the deadline. */
        boolean timedDown(int cell, long nanos) {
            d.enter(pid, Syscall.SEM_TIMEDWAIT, "&cell[" + cell + "], " + nanos + "ns");
            String result = "-1 ETIMEDOUT";
            try {
                long deadline = d.now() + nanos;
                touch(cell, Access.WRITE);
                while (world.memory[cell] == 0) {
                    Dispatcher.Wake wake = world.futexes.wait(pid, key(cell), deadline);
                    touch(cell, Access.WRITE);
                    if (wake == Dispatcher.Wake.TIMED_OUT && world.memory[cell] == 0) {
                        return false;
                    }
                }
                world.memory[cell]--;
                result = "0";
                return true;
            } finally {
                d.exit(pid, result);
            }
        }

        void up(int cell) {
            d.enter(pid, Syscall.SEM_POST, "&cell[" + cell + "]");
            try {
                touch(cell, Access.WRITE);
                world.memory[cell]++;
                world.futexes.wake(pid, key(cell), 1);
            } finally {
                d.exit(pid, "0");
            }
        }

        void sleep(long nanos) {
            d.enter(pid, Syscall.NANOSLEEP, nanos + "ns");
            try {
                d.sleepUntil(pid, d.now() + nanos);
            } finally {
                d.exit(pid, "0");
            }
        }

        void yield() {
            d.enter(pid, Syscall.CLOCK_GETTIME, null);
            d.exit(pid, "0");
        }

        void print(String text) {
            d.enter(pid, Syscall.WRITE, "1, \"" + text + "\"");
            try {
                world.output.get(pid).append(text);
            } finally {
                d.exit(pid, String.valueOf(text.length()));
            }
        }

        /** Starts a child running another toy program; returns its pid. */
        int fork(int childPid, ToyProgram child) {
            d.enter(pid, Syscall.FORK, null);
            try {
                world.start(childPid, child);
                return childPid;
            } finally {
                d.exit(pid, String.valueOf(childPid));
            }
        }

        /** Reports undefined behaviour, as the kernel does for sem_init over waiters. */
        void misuse(String what) {
            d.enter(pid, Syscall.SEM_INIT, null);
            try {
                d.warn(pid, what);
            } finally {
                d.exit(pid, "0");
            }
        }

        long now() {
            return d.now();
        }
    }
}
