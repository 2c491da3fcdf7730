package io.shmlab.sim.sched;

import io.shmlab.api.Access;
import io.shmlab.api.Ending;
import io.shmlab.api.Syscall;
import io.shmlab.sim.kernel.Dispatcher;
import io.shmlab.sim.kernel.FutexTable;
import io.shmlab.sim.kernel.TouchLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The scheduled {@link Dispatcher}: every simulated process runs on its own thread, exactly one at a
 * time, and at every scheduling point a {@link Strategy} picks who runs next. One instance serves one
 * run. It only parks and resumes processes, hands control over ({@link HandOver}), keeps the virtual
 * clock ({@link VirtualClock}), counts steps against the limit ({@link StepLimit}) and asks the
 * strategy to choose; futex queues and the deadlock check are the kernel's {@link FutexTable}, how
 * live processes learn that the run is over is {@link Unwinding}'s, and what a strategy that observes
 * the steps (a partial-order reduction) is told of each is {@link ObservedSteps}'.
 *
 * <p>Blocking: a process parked on a futex or sleeping is not enabled. When no process is enabled,
 * the clock moves to the earliest deadline and those processes time out; when no process has a
 * deadline, every live process waits forever on a futex, which the futex table confirms: a deadlock.
 *
 * <p>Spurious EINTR ({@link RunSettings#spuriousEintr()}) is the futex table's: with it on, every
 * other futex wait of a process is interrupted at once, and glibc's retry is another call, another
 * step of the trace.
 *
 * <p>Invariant: all fields are touched only by the thread holding the run's baton; the volatile
 * hand-off orders every write before the next holder's reads.
 */
final class ScheduledDispatcher implements Dispatcher {

    private final Strategy strategy;
    private final RunSettings settings;
    private final ProcessThreads threads;
    private final List<ScheduledProcess> processes = new ArrayList<>();
    private final Map<Integer, ScheduledProcess> byPid = new HashMap<>();
    /** The process of the last lookup: calls come in runs from one process, and pids box. */
    private ScheduledProcess lastLookedUp;
    private final HandOver handOver;
    private final VirtualClock clock = new VirtualClock();
    private final StepLimit stepLimit;
    private final Unwinding unwinding = new Unwinding();
    private FutexTable futexes;
    private final ChoicePoint point;
    private final TraceRecorder trace;
    private final ChoiceLog choices = new ChoiceLog();
    /** The first process's body: the controller thread runs it. */
    private Runnable inlineBody;
    /** The steps as the strategy is told them, when it observes them (a partial-order reduction); else null. */
    private final ObservedSteps observed;

    ScheduledDispatcher(Strategy strategy, RunSettings settings, ProcessThreads threads) {
        this.strategy = strategy;
        this.settings = settings;
        this.threads = threads;
        this.handOver = new HandOver(settings.processes());
        this.stepLimit = new StepLimit(settings.stepLimit());
        this.trace = new TraceRecorder(settings.recordTrace());
        ProcessView view = new ProcessView();
        this.point = new ChoicePoint(view, view, view);
        this.observed = strategy instanceof StepObserver o ? new ObservedSteps(o) : null;
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
            unwinding.finish(RunEnd.FINISHED, "no process was started", processes);
            return;
        }
        handOver.give(pickNext(null), processes);
        runProcess(processes.get(0), inlineBody, null);
        handOver.awaitController();
        handOver.stopRemaining(processes);
    }

    /** Unwinds processes started before the run could begin (the world failed to boot). */
    void abandon() {
        if (!unwinding.over()) {
            unwinding.finish(RunEnd.STOPPED, "the world failed to boot", processes);
        }
        if (!processes.isEmpty()) {
            processes.get(0).state = ScheduledProcess.State.DONE;
        }
        handOver.stopRemaining(processes);
    }

    RunEnd end() {
        return unwinding.end();
    }

    String ending() {
        return unwinding.ending();
    }

    Throwable failure() {
        return unwinding.failure();
    }

    long stepCount() {
        return stepLimit.steps();
    }

    int[] choices() {
        return choices.toArray();
    }

    Map<Integer, Ending> stopped() {
        return unwinding.stopped();
    }

    Trace trace() {
        return trace.trace(processes, unwinding.ending());
    }

    /** Looks at the world's state after every step of a traced run. */
    void observe(World world) {
        if (trace.enabled()) {
            trace.observe(world::state);
        }
    }

    // ---------------------------------------------------------------- Dispatcher

    @Override
    public void useFutexTable(FutexTable table) {
        this.futexes = table;
    }

    @Override
    public TouchLog touches() {
        return observed != null ? observed.touches() : TouchLog.NONE;
    }

    @Override
    public boolean spuriousEintr() {
        return settings.spuriousEintr();
    }

    @Override
    public void enter(int pid, Syscall call, String arguments) {
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
        if (observed != null) {
            observed.callReturned();
        }
        if (!p.unwinding) {
            addStep(p, p.resumed ? Step.Kind.RESUMED : Step.Kind.CALL, result);
        }
        p.resumed = false;
        p.inCall = false;
    }

    @Override
    public void access(int pid, Access access, long address, int size) {
        if (settings.granularity() != Granularity.ACCESS && !unwinding.over()) {
            return;
        }
        ScheduledProcess p = running(pid);
        if (p.inCall || p.unwinding) {
            return;
        }
        p.call = access == Access.READ ? Syscall.LOAD : Syscall.STORE;
        p.arguments = size + " bytes at 0x" + Long.toHexString(address);
        p.accessAddress = address;
        p.accessSize = size;
        p.resumed = false;
        if (trace.enabled()) {
            p.source = StepSource.ofCaller();
        }
        schedulePoint(p);
        addStep(p, Step.Kind.ACCESS, null);
    }

    @Override
    public Wake park(FutexTable.Waiter waiter) {
        ScheduledProcess p = running(waiter.pid());
        if (p.unwinding) {
            throw unwinding.stopError(p);
        }
        if (waiter.deadline() != Long.MAX_VALUE && clock.passed(waiter.deadline())) {
            return Wake.TIMED_OUT;
        }
        p.state = ScheduledProcess.State.FUTEX_WAIT;
        p.waiter = waiter;
        waiter.attach(p);
        p.deadline = waiter.deadline();
        p.wake = null;
        block(p);
        return p.wake;
    }

    @Override
    public void unpark(int pid, FutexTable.Waiter waiter) {
        ScheduledProcess waker = running(pid);
        if (waker.unwinding) {
            return; // the run is over: whoever waits is unwound, not woken
        }
        ScheduledProcess w = (ScheduledProcess) waiter.attachment();
        w.resume(Wake.WOKEN);
        if (observed != null) {
            observed.enabled(w);
        }
        if (trace.enabled()) {
            w.wokenBy = waker.label;
            waker.woke(w.label);
        }
    }

    @Override
    public long now() {
        return clock.now();
    }

    @Override
    public void sleepUntil(int pid, long deadlineNanos) {
        ScheduledProcess p = running(pid);
        if (p.unwinding) {
            throw unwinding.stopError(p);
        }
        if (clock.passed(deadlineNanos)) {
            return;
        }
        p.state = ScheduledProcess.State.SLEEPING;
        p.deadline = deadlineNanos;
        p.wake = null;
        block(p);
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
        if (observed != null) {
            observed.enabled(p);
        }
        if (p.index == 0) {
            inlineBody = body;
            return;
        }
        ProcessThreads.Worker worker = threads.acquire();
        p.startOn(worker, new ProcessTask(p, body, worker));
    }

    // ---------------------------------------------------------------- the processes' side

    /**
     * Runs a process's body to its end, then hands the turn on. The first process (no worker: the
     * controller runs it) waits for its first turn here; another is started on its worker at its first
     * turn, so it has the turn already.
     */
    private void runProcess(ScheduledProcess p, Runnable body, ProcessThreads.Worker worker) {
        if (worker == null) {
            handOver.await(p);
        }
        Throwable crash = null;
        try {
            body.run();
        } catch (Throwable t) {
            if (!p.unwinding) {
                crash = t;
            }
        }
        p.state = ScheduledProcess.State.DONE;
        if (!unwinding.over()) {
            p.call = Syscall.EXIT;
            p.arguments = null;
            addStep(p, Step.Kind.EXIT, null);
        }
        if (crash != null && !unwinding.over()) {
            unwinding.fail(crash, "process " + p.label + " failed inside the simulator: " + crash, processes);
        }
        if (worker != null) {
            worker.release();
        }
        handOver.give(unwinding.over() ? null : pickNext(p), processes);
    }

    /** The process blocks in its call (its state says on what): a step, and a scheduling point. */
    private void block(ScheduledProcess p) {
        addStep(p, Step.Kind.BLOCKED, null);
        p.resumed = true;
        schedulePoint(p);
    }

    /** A scheduling point of a running process: maybe another runs first. */
    private void schedulePoint(ScheduledProcess p) {
        ScheduledProcess next = pickNext(p);
        if (next == p) {
            return;
        }
        handOver.give(next, processes);
        handOver.await(p);
        if (unwinding.over()) {
            throw unwinding.stopError(p);
        }
    }

    /** The next process to run, or null when the run is over. */
    private ScheduledProcess pickNext(ScheduledProcess current) {
        if (unwinding.over()) {
            return null;
        }
        if (observed != null) {
            observed.stepEnded();
        }
        collectEnabled();
        if (point.enabledCount() == 0) {
            boolean clockMoved = fireTimers();
            if (observed != null) {
                observed.tellAfterTimers(clockMoved);
            }
            if (!clockMoved) {
                return null;
            }
        } else if (observed != null) {
            observed.tell();
        }
        if (!stepLimit.pass()) {
            unwinding.finish(RunEnd.STEP_LIMIT, stepLimit.reason(), processes);
            return null;
        }
        point.set(current == null ? -1 : current.index, stepLimit.steps());
        int chosen;
        try {
            chosen = strategy.choose(point);
            if (!point.isEnabled(chosen)) {
                throw new IllegalStateException("the strategy chose process " + chosen + ", which is not enabled");
            }
        } catch (ScheduleCut e) {
            unwinding.finish(RunEnd.STOPPED, "stopped before the end: " + e.getMessage(), processes);
            return null;
        } catch (RuntimeException e) {
            unwinding.fail(e, "the strategy failed: " + e.getMessage(), processes);
            return null;
        }
        choices.record(point, chosen);
        ScheduledProcess next = processes.get(chosen);
        if (observed != null) {
            observed.chosen(next);
        }
        return next;
    }

    /**
     * No process may run: the clock moves to the earliest deadline and those processes time out. False
     * when the run is over instead: every process ended, or the futex table's deadlock.
     */
    private boolean fireTimers() {
        int live = 0;
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).live()) {
                live++;
            }
        }
        if (live == 0) {
            unwinding.finish(RunEnd.FINISHED, "every process ended", processes);
            return false;
        }
        if (clock.fireEarliest(processes, futexes, trace.enabled())) {
            collectEnabled();
            return true;
        }
        if (futexes == null || !futexes.deadlocked(live)) {
            unwinding.fail(new IllegalStateException("no process may run, none has a timer, and the futex table"
                    + " sees no deadlock"), "the scheduler lost a process", processes);
            return false;
        }
        unwinding.finish(RunEnd.DEADLOCK, deadlock(), processes);
        return false;
    }

    private void collectEnabled() {
        point.reset(processes.size());
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).state == ScheduledProcess.State.RUNNABLE) {
                point.add(i);
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
        if (!unwinding.over()) {
            trace.step(p, kind, result, clock.now());
        }
    }

    /**
     * The process of a pid making a call. Once the run is over, the first call of a process that has
     * not been told yet throws the error that unwinds it.
     */
    private ScheduledProcess running(int pid) {
        ScheduledProcess p = process(pid);
        if (unwinding.over() && !p.unwinding) {
            throw unwinding.stopError(p);
        }
        return p;
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
