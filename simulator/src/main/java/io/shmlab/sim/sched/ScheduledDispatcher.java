package io.shmlab.sim.sched;

import io.shmlab.api.Access;
import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import io.shmlab.sim.kernel.DeadlockDetected;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.ProcessKilled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The scheduled {@link Dispatcher}: every simulated process runs on its own thread, exactly one at a
 * time, and at every scheduling point a {@link Strategy} picks who runs next. One instance serves one
 * run.
 *
 * <p>How control moves: the thread that reaches a scheduling point picks the next process itself and
 * gives that process's {@link Baton}, then waits on its own. The thread that called {@link #run} (the
 * controller) runs the first process; when the run ends, control goes back to it. So a switch costs
 * one hand-off, a point where the same process goes on costs none, and the other processes run on
 * pooled threads.
 *
 * <p>Blocking: a process in {@link #futexWait} or {@link #sleepUntil} is not enabled. When no process
 * is enabled but some live process has a deadline, the virtual clock jumps to the earliest deadline and
 * every process whose deadline has come times out; when none has, it is a deadlock. The run also stops
 * when it passes its step limit.
 *
 * <p>When a run is over, the controller resumes each live process in turn and an error is thrown into
 * it at the point where it waits: {@link DeadlockDetected} for a process blocked forever, a SIGKILL
 * {@link ProcessKilled} otherwise (step limit, closed session). The kernel's process runner turns it
 * into the process's ending and makes the exit call, as in direct mode, so the process ends in the
 * kernel and its thread is free for the next run. While unwinding, calls go straight through (no
 * scheduling point, no trace) and a block throws again.
 *
 * <p>Invariant: all fields are touched only by the thread holding the run's baton; the volatile
 * hand-off orders every write before the next holder's reads.
 */
final class ScheduledDispatcher implements Dispatcher {

    /**
     * Runs with at most this many processes poll for their turn before parking; in larger runs a
     * waiting process is unlikely to be next, and polling would take the running one's core.
     */
    private static final int POLLING_PROCESSES = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Where the virtual CLOCK_REALTIME starts: 2023-11-14T22:13:20Z, the same on every machine. */
    static final long EPOCH_NANOS = 1_700_000_000L * 1_000_000_000L;

    /** How a run ended. */
    enum End {
        /** Every process ended. */
        FINISHED,
        /** Every live process blocked, no timer pending. */
        DEADLOCK,
        /** The step limit was passed. */
        STEP_LIMIT,
        /** The strategy or the kernel failed (not the program): the run means nothing. */
        FAILED,
        /** Stopped from outside (a stepping session closed). */
        STOPPED
    }

    private final Strategy strategy;
    private final RunSettings settings;
    /** Whether waiting processes poll before parking: only in runs of few processes. */
    private final boolean poll;
    private final ProcessThreads threads;
    private final List<ScheduledProcess> processes = new ArrayList<>();
    private final Map<Integer, ScheduledProcess> byPid = new HashMap<>();
    /** The process of the last lookup: calls come in runs from one process, and pids box. */
    private ScheduledProcess lastLookedUp;
    private final FutexQueues futexQueues = new FutexQueues();
    private final Baton controller = new Baton();
    private final ChoicePoint point;
    private final TraceRecorder trace;
    private final ChoiceLog choices = new ChoiceLog();
    private long clock = EPOCH_NANOS;
    private long stepCount;
    private End end;
    private String ending = "not run";
    private Throwable failure;
    /** The first process's body: the controller thread runs it. */
    private Runnable inlineBody;
    private final Map<Integer, Ending> stopped = new LinkedHashMap<>();

    ScheduledDispatcher(Strategy strategy, RunSettings settings, ProcessThreads threads) {
        this.strategy = strategy;
        this.settings = settings;
        this.poll = settings.processes() <= POLLING_PROCESSES;
        this.threads = threads;
        this.trace = new TraceRecorder(settings.recordTrace());
        ProcessView view = new ProcessView();
        this.point = new ChoicePoint(view, view, view);
    }

    /**
     * What a choice point reads of the processes. A class rather than lambdas: lambdas are spun at run
     * time on first use, which a fresh JVM pays for on its first exploration.
     */
    private final class ProcessView implements IntFunction<String>, IntUnaryOperator, Supplier<Trace> {
        @Override
        public String apply(int index) {
            return processes.get(index).nextCall();
        }

        @Override
        public int applyAsInt(int index) {
            return processes.get(index).pid;
        }

        @Override
        public Trace get() {
            return trace();
        }
    }

    /** A process's body as its worker thread runs it (a class, for the reason {@link ProcessView} is one). */
    private final class ProcessTask implements Runnable {
        private final ScheduledProcess process;
        private final Runnable body;
        private final ProcessThreads.Worker worker;

        ProcessTask(ScheduledProcess process, Runnable body, ProcessThreads.Worker worker) {
            this.process = process;
            this.body = body;
            this.worker = worker;
        }

        @Override
        public void run() {
            runProcess(process, body, worker);
        }
    }

    // ---------------------------------------------------------------- the controller's side

    /**
     * Runs the started processes to the end of the run, then stops whatever is left. The calling
     * thread (the controller) runs the first process itself, so a run of {@code n} processes needs
     * only {@code n} threads and no hand-off to a waiting controller.
     */
    void run() {
        if (processes.isEmpty()) {
            finish(End.FINISHED, "no process was started");
            return;
        }
        ScheduledProcess first = pickNext(null);
        if (first == null) {
            giveController();
        } else {
            first.baton.give();
        }
        runProcess(processes.get(0), inlineBody, null);
        controller.await();
        stopRemaining();
    }

    /**
     * Unwinds every live process but the first, one at a time, once the run is over; the first
     * (the controller's own) has ended by then.
     */
    private void stopRemaining() {
        for (int i = 1; i < processes.size(); i++) {
            ScheduledProcess p = processes.get(i);
            if (p.live()) {
                p.baton.give();
                controller.await();
            }
        }
    }

    /**
     * Gives control back to the controller at the end of the run: to the first process's own wait if
     * it is still live (it is then unwound, since the run is over), else to the controller's baton.
     */
    private void giveController() {
        ScheduledProcess first = processes.get(0);
        if (first.live()) {
            first.baton.give();
        } else {
            controller.give();
        }
    }

    /** Unwinds processes started before the run could begin (the world failed to boot). */
    void abandon() {
        if (end == null) {
            finish(End.STOPPED, "the world failed to boot");
        }
        if (!processes.isEmpty()) {
            processes.get(0).state = ScheduledProcess.State.DONE;
        }
        stopRemaining();
    }

    End end() {
        return end;
    }

    String ending() {
        return ending;
    }

    Throwable failure() {
        return failure;
    }

    long stepCount() {
        return stepCount;
    }

    int[] choices() {
        return choices.toArray();
    }

    Map<Integer, Ending> stopped() {
        return stopped;
    }

    Trace trace() {
        return trace.trace(processes, ending);
    }

    /** Looks at the world's state after every step of a traced run. */
    void observe(World world) {
        if (trace.enabled()) {
            trace.observe(world::state);
        }
    }

    // ---------------------------------------------------------------- Dispatcher

    @Override
    public void enter(int pid, String call, String arguments) {
        ScheduledProcess p = running(pid);
        p.call = call;
        p.arguments = arguments;
        p.resumed = false;
        p.inCall = true;
        if (!p.unwinding) {
            if (trace.enabled()) {
                p.source = StepSource.ofCaller();
            }
            schedulePoint(p);
        }
    }

    @Override
    public void exit(int pid, String result) {
        ScheduledProcess p = process(pid);
        if (!p.unwinding) {
            addStep(p, p.resumed ? Step.Kind.RESUMED : Step.Kind.CALL, result);
        }
        p.resumed = false;
        p.inCall = false;
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        if (settings.granularity() != Granularity.ACCESS && end == null) {
            return;
        }
        ScheduledProcess p = running(pid);
        if (p.inCall || p.unwinding) {
            return;
        }
        p.call = access == Access.READ ? "load" : "store";
        p.arguments = size + " bytes at 0x" + Long.toHexString(address);
        p.resumed = false;
        if (trace.enabled()) {
            p.source = StepSource.ofCaller();
        }
        schedulePoint(p);
        addStep(p, Step.Kind.ACCESS, null);
    }

    @Override
    public Wake futexWait(int pid, FutexKey key, long deadlineNanos) {
        ScheduledProcess p = running(pid);
        if (p.unwinding) {
            throw stopError(p);
        }
        if (deadlineNanos != Long.MAX_VALUE && deadlineNanos <= clock) {
            return Wake.TIMED_OUT;
        }
        p.state = ScheduledProcess.State.FUTEX_WAIT;
        p.futexKey = key;
        p.deadline = deadlineNanos;
        p.wake = null;
        futexQueues.add(p);
        addStep(p, Step.Kind.BLOCKED, null);
        p.resumed = true;
        schedulePoint(p);
        return p.wake;
    }

    @Override
    public int futexWake(int pid, FutexKey key, int count) {
        ScheduledProcess waker = running(pid);
        if (waker.unwinding) {
            return 0;
        }
        int woken = 0;
        ScheduledProcess w;
        while (woken < count && (w = futexQueues.pollFirst(key)) != null) {
            wakeUp(w, Wake.WOKEN);
            if (trace.enabled()) {
                w.note("woken by " + waker.label);
                waker.note("wakes " + w.label);
            }
            woken++;
        }
        return woken;
    }

    @Override
    public long now() {
        return clock;
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        ScheduledProcess p = running(pid);
        if (p.unwinding) {
            throw stopError(p);
        }
        if (deadlineNanos <= clock) {
            return;
        }
        p.state = ScheduledProcess.State.SLEEPING;
        p.deadline = deadlineNanos;
        p.wake = null;
        addStep(p, Step.Kind.BLOCKED, null);
        p.resumed = true;
        schedulePoint(p);
    }

    @Override
    public void warn(int pid, String message) {
        ScheduledProcess p = process(pid);
        if (!p.unwinding) {
            trace.warn(p, message);
        }
    }

    @Override
    public void start(int pid, Runnable body) {
        ScheduledProcess p = new ScheduledProcess(processes.size(), pid);
        if (byPid.putIfAbsent(pid, p) != null) {
            throw new IllegalStateException("pid " + pid + " started twice");
        }
        processes.add(p);
        if (p.index == 0) {
            inlineBody = body;
            return;
        }
        ProcessThreads.Worker worker = threads.acquire();
        worker.run(new ProcessTask(p, body, worker));
    }

    // ---------------------------------------------------------------- the processes' side

    private void runProcess(ScheduledProcess p, Runnable body, ProcessThreads.Worker worker) {
        p.baton.await(poll);
        Throwable crash = null;
        try {
            body.run();
        } catch (Throwable t) {
            if (!p.unwinding) {
                crash = t;
            }
        }
        p.state = ScheduledProcess.State.DONE;
        if (end == null) {
            p.call = "exit";
            p.arguments = null;
            addStep(p, Step.Kind.EXIT, null);
        }
        if (crash != null && end == null) {
            failure = crash;
            finish(End.FAILED, "process " + p.label + " failed inside the simulator: " + crash);
        }
        if (worker != null) {
            worker.release();
        }
        ScheduledProcess next = end != null ? null : pickNext(p);
        if (next == null) {
            giveController();
        } else {
            next.baton.give();
        }
    }

    /** A scheduling point of a running process: maybe another runs first. */
    private void schedulePoint(ScheduledProcess p) {
        ScheduledProcess next = pickNext(p);
        if (next == p) {
            return;
        }
        if (next == null) {
            giveController();
        } else {
            next.baton.give();
        }
        p.baton.await(poll);
        if (end != null) {
            throw stopError(p);
        }
    }

    /** The next process to run, or null when the run is over. */
    private ScheduledProcess pickNext(ScheduledProcess current) {
        if (end != null) {
            return null;
        }
        collectEnabled();
        if (point.enabledCount() == 0) {
            boolean anyLive = false;
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < processes.size(); i++) {
                ScheduledProcess p = processes.get(i);
                if (p.live()) {
                    anyLive = true;
                    if (p.blocked() && p.deadline < earliest) {
                        earliest = p.deadline;
                    }
                }
            }
            if (!anyLive) {
                finish(End.FINISHED, "every process ended");
                return null;
            }
            if (earliest == Long.MAX_VALUE) {
                finish(End.DEADLOCK, deadlock());
                return null;
            }
            clock = earliest;
            for (int i = 0; i < processes.size(); i++) {
                ScheduledProcess p = processes.get(i);
                if (p.blocked() && p.deadline <= clock) {
                    if (p.state == ScheduledProcess.State.FUTEX_WAIT) {
                        futexQueues.remove(p);
                    }
                    wakeUp(p, Wake.TIMED_OUT);
                    if (trace.enabled()) {
                        p.note("timed out");
                    }
                }
            }
            collectEnabled();
        }
        if (++stepCount > settings.stepLimit()) {
            stepCount = settings.stepLimit();
            finish(End.STEP_LIMIT, "stopped at the step limit of " + settings.stepLimit()
                    + " scheduling points (a livelock, or a longer run than the limit allows)");
            return null;
        }
        point.set(current == null ? -1 : current.index, stepCount);
        int chosen;
        try {
            chosen = strategy.choose(point);
            if (!point.isEnabled(chosen)) {
                throw new IllegalStateException("the strategy chose process " + chosen + ", which is not enabled");
            }
        } catch (Stepper.SessionClosed e) {
            finish(End.STOPPED, "stopped before the end: the stepping session was closed");
            return null;
        } catch (RuntimeException e) {
            failure = e;
            finish(End.FAILED, "the strategy failed: " + e.getMessage());
            return null;
        }
        if (point.enabledCount() > 1) {
            choices.add(point.position(chosen));
        }
        return processes.get(chosen);
    }

    private void collectEnabled() {
        point.reset(processes.size());
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).state == ScheduledProcess.State.RUNNABLE) {
                point.add(i);
            }
        }
    }

    private void wakeUp(ScheduledProcess p, Wake why) {
        p.state = ScheduledProcess.State.RUNNABLE;
        p.wake = why;
        p.deadline = Long.MAX_VALUE;
        p.futexKey = null;
    }

    private void finish(End how, String why) {
        end = how;
        ending = why;
        if (how == End.DEADLOCK) {
            for (ScheduledProcess p : processes) {
                if (p.live()) {
                    stopped.put(p.pid, new Ending.Blocked(p.callText()));
                }
            }
        } else if (how != End.FINISHED) {
            for (ScheduledProcess p : processes) {
                if (p.live()) {
                    stopped.put(p.pid, new Ending.Killed(Signal.SIGKILL, why));
                }
            }
        }
    }

    private String deadlock() {
        StringBuilder b = new StringBuilder("deadlock: every live process is blocked and no timer is pending:");
        for (ScheduledProcess p : processes) {
            b.append("\n  ").append(p.label).append(" (pid ").append(p.pid).append(") ").append(p.describeState());
        }
        return b.toString();
    }

    private void addStep(ScheduledProcess p, Step.Kind kind, String result) {
        if (end == null) {
            trace.step(p, kind, result, clock);
        }
    }

    /**
     * The process of a pid making a call. Once the run is over, the first call of a process that has
     * not been told yet throws the error that unwinds it.
     */
    private ScheduledProcess running(int pid) {
        ScheduledProcess p = process(pid);
        if (end != null && !p.unwinding) {
            throw stopError(p);
        }
        return p;
    }

    /**
     * The error that tells a process the run is over: blocked forever in its call at a deadlock,
     * killed by SIGKILL otherwise. From now on the process is unwinding.
     */
    private Error stopError(ScheduledProcess p) {
        p.unwinding = true;
        if (end == End.DEADLOCK && p.state == ScheduledProcess.State.FUTEX_WAIT) {
            return new DeadlockDetected(p.callText());
        }
        return new ProcessKilled(Signal.SIGKILL);
    }

    private ScheduledProcess process(int pid) {
        ScheduledProcess p = lastLookedUp;
        if (p != null && p.pid == pid) {
            return p;
        }
        p = byPid.get(pid);
        if (p == null) {
            throw new IllegalArgumentException("pid " + pid + " was not started on this dispatcher");
        }
        lastLookedUp = p;
        return p;
    }
}
