package io.shmlab.sim;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.ProcessLabel;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.ShmSize;
import io.shmlab.api.Signal;
import io.shmlab.api.Syscall;
import io.shmlab.sim.kernel.DirectDispatcher;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.Kernel;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.VirtualMemoryArea;
import io.shmlab.sim.program.ProgramClasses;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RandomStrategy;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.sim.sched.Scheduler;
import io.shmlab.sim.sched.Simulation;
import io.shmlab.sim.sched.World;
import io.shmlab.sim.sem.GlibcSemaphore;
import io.shmlab.sim.sem.NamedSemaphores;
import io.shmlab.sim.sem.SemaphoreRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated machine: a {@link Kernel}, the semaphores of its C library, and the dispatcher that
 * runs its processes. Build one with {@link #builder()}; the default runs processes directly on real
 * threads ({@link DirectDispatcher}).
 *
 * <p>Processes come three ways: {@link #spawn()} gives an {@link SimOs} whose calls the caller makes
 * from its own thread; {@link #launch} runs a program on a thread of its own; {@link #run} runs a
 * program in several processes and reports how each ended, deadlock included.
 */
public final class SimMachine implements Machine {
    /** The pid the outside world (whoever launches processes) counts as, for deadlock detection. */
    private static final int OUTSIDE_WORLD = 0;

    /** The uid of a process when none is given, unless the builder says otherwise. */
    public static final int DEFAULT_UID = 1000;

    private final Backend backend;
    private final Dispatcher dispatcher;
    private final Kernel kernel;
    private final SemaphoreRegistry registry = new SemaphoreRegistry();
    private final GlibcSemaphore semaphores = new GlibcSemaphore(registry);
    private final NamedSemaphores namedSemaphores = new NamedSemaphores(semaphores, registry);
    private final Set<Integer> spawned = ConcurrentHashMap.newKeySet();
    private final int defaultUid;
    private final java.util.concurrent.atomic.AtomicBoolean interactive = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    private SimMachine(Builder b) {
        this.backend = b.backend;
        this.dispatcher = b.dispatcher != null ? b.dispatcher : new RunRouter(new DirectDispatcher(b.spuriousEintr));
        this.kernel = new Kernel(dispatcher, b.seed, b.shmSize);
        this.defaultUid = b.defaultUid;
    }

    /** A builder with seed 0, no spurious EINTR, and the direct dispatcher. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SimMachine}. */
    public static final class Builder {
        private long seed;
        private boolean spuriousEintr;
        private Dispatcher dispatcher;
        private Backend backend = new SimBackend();
        private int defaultUid = DEFAULT_UID;
        private ShmSize shmSize = ShmSize.NOMINAL;

        private Builder() {
        }

        /** The capacity of /dev/shm (the nominal 8 GiB unless set). */
        public Builder shmSize(ShmSize value) {
            this.shmSize = value == null ? ShmSize.NOMINAL : value;
            return this;
        }

        /** The seed of the virtual address layout (and of a scheduler given one). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Whether blocking waits are interrupted spuriously, to exercise EINTR paths (direct mode; a
         * scheduled run says so in its {@code RunSettings}).
         */
        public Builder spuriousEintr(boolean value) {
            this.spuriousEintr = value;
            return this;
        }

        /** Runs the processes with this dispatcher (a scheduler) instead of the direct one. */
        public Builder dispatcher(Dispatcher value) {
            this.dispatcher = value;
            return this;
        }

        /**
         * The uid of processes made without one ({@link #spawn()}, {@link #launch}, {@link #run}):
         * 1000 unless set; 0 makes them root, which passes every permission check, as on the host.
         */
        public Builder defaultUid(int value) {
            this.defaultUid = value;
            return this;
        }

        Builder backend(Backend value) {
            this.backend = value;
            return this;
        }

        public SimMachine build() {
            return new SimMachine(this);
        }
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * The dispatcher running the processes made by {@link #spawn()} and {@link #launch}: the direct
     * one unless the machine was built on one of its own. (A {@link #run} goes through a scheduler of
     * its own while it lasts.)
     */
    public Dispatcher dispatcher() {
        return dispatcher instanceof RunRouter router ? router.direct() : dispatcher;
    }

    GlibcSemaphore semaphores() {
        return semaphores;
    }

    NamedSemaphores namedSemaphores() {
        return namedSemaphores;
    }

    /** Where misuse of semaphores is recorded. */
    public SemaphoreRegistry semaphoreRegistry() {
        return registry;
    }

    /** Undefined behaviour noticed so far (sem_init over waiters, ...), oldest first, as "pid: message". */
    public List<String> misuseReports() {
        return registry.reports();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the machine is closed");
        }
    }

    @Override
    public SimOs spawn() {
        return spawn(defaultUid);
    }

    /** A new process of the given uid whose calls the caller makes. */
    public SimOs spawn(int uid) {
        requireOpen();
        KernelProcess p = kernel.newProcess(null, uid);
        spawned.add(p.pid());
        dispatcher.attach(p.pid());
        return new SimOs(this, p);
    }

    /** Runs a program in a new process (uid 1000) on a thread of its own. */
    public SimProcess launch(String label, Program program) {
        return launch(label, defaultUid, program);
    }

    /**
     * Runs a program in a new process of the given uid on a thread of its own.
     *
     * <p>Launching is interactive: whoever launches may launch more processes later, or send input,
     * or kill. So from the first launch on, the outside world counts as a live process that is never
     * blocked, and launched processes waiting for each other stay blocked (visible in {@link #ps()},
     * killable) instead of being declared deadlocked. {@link #run} is where deadlock is found.
     */
    public SimProcess launch(String label, int uid, Program program) {
        requireOpen();
        if (interactive.compareAndSet(false, true)) {
            dispatcher.attach(OUTSIDE_WORLD);
        }
        KernelProcess p = kernel.newProcess(label, uid);
        dispatcher.start(p.pid(), new ProgramRunner(this, p, program));
        return new SimProcess(p);
    }

    /** fork(2): the child's record is made by the kernel, and its program starts on its own thread. */
    int fork(KernelProcess parent, Program program) {
        KernelProcess child = kernel.processes().fork(parent);
        namedSemaphores.forked(parent, child);
        dispatcher.start(child.pid(), new ProgramRunner(this, child, program));
        return child.pid();
    }

    /** Ends a process (a system call of its own): memory and descriptors go, a waiting parent wakes. */
    void exit(KernelProcess process, Ending how) {
        Thread.interrupted();
        String arguments = how instanceof Ending.Exited exited ? String.valueOf(exited.status()) : how.toString();
        dispatcher.enter(process.pid(), Syscall.EXIT, arguments);
        try {
            if (kernel.processes().exit(process, how)) {
                namedSemaphores.exited(process);
            }
        } finally {
            dispatcher.exit(process.pid(), how instanceof Ending.Exited ? "(no return)" : "(ended)");
        }
        if (spawned.remove(process.pid())) {
            dispatcher.detach(process.pid());
        }
    }

    /** Every process, ended ones included, as ps(1) and /proc show them. */
    public List<ProcessInfo> ps() {
        List<ProcessInfo> list = new ArrayList<>();
        for (KernelProcess p : kernel.allProcesses()) {
            List<MappingInfo> maps = new ArrayList<>();
            for (VirtualMemoryArea a : p.space().areas()) {
                boolean anonymous = a.object() == null || a.anonymous();
                String name = anonymous ? null : a.object().name();
                maps.add(new MappingInfo(a.start(), a.length(), a.protection(), a.flags(), name, a.fileOffset(),
                        anonymous ? -1 : a.object().size(), anonymous || !a.object().inTmpfs() ? -1 : a.object().allocatedPages()));
            }
            list.add(new ProcessInfo(p.pid(), p.label(), p.uid(), p.state(), p.space().minorFaults(),
                    p.space().residentPages(), maps));
        }
        return list;
    }

    @Override
    public List<String> listShm() {
        return kernel.listShm();
    }

    /**
     * A simulated power loss: every process is killed (SIGKILL), /dev/shm is emptied, and regular
     * files keep only what msync(2) with MS_SYNC wrote back.
     */
    public void crash() {
        killAll(Signal.SIGKILL);
        kernel.losePower();
    }

    private void killAll(Signal signal) {
        for (KernelProcess p : kernel.allProcesses()) {
            if (p.ended()) {
                continue;
            }
            p.signal(signal);
            if (spawned.contains(p.pid())) {
                exit(p, new Ending.Killed(signal, null));
            }
        }
        for (KernelProcess p : kernel.allProcesses()) {
            try {
                p.awaitEnd(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs a program in {@code options.processes()} processes labelled A, B, C, ..., with virtual
     * addresses drawn from {@code options.seed()}, under the seeded random scheduler: one process runs
     * at a time, the seed picks the interleaving, and {@link RunReport#schedule()} is the token that
     * replays it ({@code Replayer}) on a fresh machine. Deadlock (every process blocked with no
     * deadline) is found exactly and reported as {@link Ending.Blocked}; a run passing the scheduler's
     * step limit is a livelock, its processes killed by SIGKILL. No real time passes: sleeps and timed
     * waits move a virtual clock, and the timeout is not needed.
     *
     * <p>The run has the machine to itself while it goes; what it leaves in /dev/shm stays. The token
     * replays it exactly when the machine was fresh (pids and addresses start the same way only then).
     * A machine built on a dispatcher of its own runs the processes on that dispatcher instead, with
     * the timeout, and reports no token.
     */
    @Override
    public RunReport run(ProgramSpec program, RunOptions options) {
        requireOpen();
        ProgramClasses classes = ProgramClasses.of(program);
        if (!(dispatcher instanceof RunRouter router)) {
            return runOnOwnDispatcher(classes, options);
        }
        RunSettings settings = new RunSettings(options.processes(), options.seed(), Granularity.SYSCALL,
                RunSettings.DEFAULT_STEP_LIMIT, false);
        RandomStrategy strategy = new RandomStrategy(options.seed());
        strategy.beginSchedule();
        try (Scheduler scheduler = new Scheduler()) {
            return scheduler.run(new Simulation() {
                @Override
                public World boot(Dispatcher scheduled, int processes, long seed) {
                    router.route(scheduled);
                    return new ProgramWorld(startProcesses(classes, processes, seed), new WorldProbe(kernel, registry));
                }

                @Override
                public Schedule.FoundFor foundFor() {
                    return Schedule.FoundFor.of(program);
                }

                @Override
                public ShmSize shmSize() {
                    return kernel.tmpfs().size();
                }
            }, settings, strategy).report();
        } finally {
            router.routeDirect();
        }
    }

    /**
     * Makes {@code count} processes labelled A, B, C, ... running the program, with addresses drawn
     * from the seed, and starts them on the dispatcher.
     */
    List<KernelProcess> startProcesses(ProgramClasses program, int count, long seed) {
        List<KernelProcess> processes = new ArrayList<>();
        List<Program> programs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            programs.add(program.newProgram());
            processes.add(kernel.newProcess(ProcessLabel.of(i), defaultUid, seed));
        }
        // every process of the run is live before any runs, so the first to block is not alone
        for (KernelProcess p : processes) {
            dispatcher.attach(p.pid());
        }
        for (int i = 0; i < processes.size(); i++) {
            dispatcher.start(processes.get(i).pid(), new ProgramRunner(this, processes.get(i), programs.get(i)));
        }
        return processes;
    }

    private RunReport runOnOwnDispatcher(ProgramClasses program, RunOptions options) {
        List<KernelProcess> processes = startProcesses(program, options.processes(), options.seed());
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<ProcessOutcome> outcomes = new ArrayList<>();
        for (KernelProcess p : processes) {
            Ending ending = awaitOrKill(p, deadline);
            outcomes.add(new ProcessOutcome(p.label(), p.pid(), p.console().contents(), ending));
        }
        return new RunReport(outcomes, null);
    }

    private static Ending awaitOrKill(KernelProcess p, long deadline) {
        try {
            Optional<Ending> ending = p.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (ending.isPresent()) {
                return ending.get();
            }
            String call = p.currentCall();
            p.signal(Signal.SIGKILL);
            p.awaitEnd(Duration.ofSeconds(5));
            return new Ending.Blocked(call != null ? call : "running at the timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ending.Blocked("interrupted");
        }
    }

    /** Kills every process still running; the machine is gone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        killAll(Signal.SIGKILL);
    }
}
