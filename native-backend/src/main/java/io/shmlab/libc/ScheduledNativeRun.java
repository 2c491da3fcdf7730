package io.shmlab.libc;

import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.SleepProbe;
import io.shmlab.libc.turns.Supervisor;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.libc.turns.Verdict;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program in real child JVMs with their calls into the operating system forced into an order
 * (a schedule the simulator found), so that the real kernel and glibc give the outcome of that
 * schedule. The parent makes the control block ({@link ControlBlock}), starts the children with their
 * process index (each wraps its {@link Os} in a {@link io.shmlab.libc.turns.TurnstileOs}), and
 * supervises: it hands on the turns of calls blocked in the kernel, and stops every child once the
 * schedule has reached a hang (or a child left the schedule). The control block is unlinked at the end,
 * whatever happened; the program's own objects are the caller's to remove.
 */
public final class ScheduledNativeRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledNativeRun.class);
    /** How often the supervisor looks at the control block. */
    private static final Duration POLL = Duration.ofMillis(2);
    /**
     * How long before the timeout the supervisor stops and continues every process it stopped, so
     * that they can take the timeout's SIGTERM and report.
     */
    private static final Duration STOP_MARGIN = Duration.ofMillis(200);

    /**
     * What an ordered run gave.
     *
     * @param report each process's output and ending
     * @param verdict whether the schedule was followed to its end, hung, or was left
     * @param detail the verdict in words
     */
    public record Result(RunReport report, Verdict verdict, String detail) {
    }

    private ScheduledNativeRun() {
    }

    /**
     * Runs {@code program} in {@code order.processes()} child JVMs, in this order.
     *
     * @param controlName the name for the control block (one word starting with a slash, not in use)
     * @param settle how long a process is seen asleep in the kernel before its turn is handed on
     * @param timeout how long the whole run may take before every child is stopped
     */
    public static Result run(ProgramSpec program, TurnOrder order, String controlName, Duration settle, Duration timeout) {
        return run(program, order, controlName, settle, timeout, null);
    }

    /**
     * The same, the children inside a /dev/shm of their own ({@code null}: the host's): the control
     * block stays on the host's /dev/shm, which they reach through this JVM's root, and the program's
     * final check, if it has one, runs in there after them ({@link PrivateTmpfs#withFinalCheck}).
     */
    public static Result run(ProgramSpec program, TurnOrder order, String controlName, Duration settle, Duration timeout,
            PrivateTmpfs tmpfs) {
        NativeMachine machine = new NativeBackend().start();
        Os os = machine.spawn();
        ControlBlock block = ControlBlock.create(os, controlName, order);
        String reached = tmpfs == null ? null : PrivateTmpfs.hostShm(io.shmlab.api.ShmNamespace.objectFile(controlName));
        try {
            ChildRun run = ChildRun.ordered(program, RunOptions.of(order.processes()).withTimeout(timeout),
                    i -> reached == null
                            ? List.of("-D" + ChildMain.TURNS_PROPERTY + "=" + controlName,
                                    "-D" + ChildMain.TURNS_PROCESS_PROPERTY + "=" + i)
                            : List.of("-D" + ChildMain.TURNS_PROPERTY + "=" + controlName,
                                    "-D" + ChildMain.TURNS_PATH_PROPERTY + "=" + reached,
                                    "-D" + ChildMain.TURNS_PROCESS_PROPERTY + "=" + i)).inside(tmpfs);
            Supervisor supervisor = new Supervisor(block, settle, SleepProbe.proc(),
                    new KillSignals(ThisProcess.get().libc()));
            Watch watch = new Watch(supervisor, run, System.nanoTime() + timeout.toNanos() - STOP_MARGIN.toNanos());
            Thread watcher = new Thread(watch, "shmlab-supervisor " + controlName);
            watcher.setDaemon(true);
            watcher.start();
            RunReport report;
            try {
                report = run.run();
            } finally {
                watch.finish();
                watcher.join();
                supervisor.resumeAll();
            }
            Verdict verdict = watch.verdict;
            String detail = watch.detail;
            if (verdict == Verdict.RUNNING) {
                detail = "the run ended before the schedule did (timeout, or a process ended outside its turns)";
            }
            LOG.debug("ordered run of {}: {} ({})", program.className(), verdict, detail);
            return new Result(tmpfs == null ? report : tmpfs.withFinalCheck(program, report), verdict, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while supervising " + program.className(), e);
        } finally {
            block.close();
            ControlBlock.unlink(os, controlName);
        }
    }

    /** The supervisor's loop, on a thread of its own while the children run. */
    private static final class Watch implements Runnable {
        private final Supervisor supervisor;
        private final ChildRun run;
        private final long giveUpAt;
        private volatile boolean finished;
        volatile Verdict verdict = Verdict.RUNNING;
        volatile String detail = "";

        Watch(Supervisor supervisor, ChildRun run, long giveUpAt) {
            this.supervisor = supervisor;
            this.run = run;
            this.giveUpAt = giveUpAt;
        }

        void finish() {
            finished = true;
        }

        @Override
        public void run() {
            try {
                while (!finished) {
                    if (System.nanoTime() - giveUpAt > 0) {
                        supervisor.resumeAll();
                        return;
                    }
                    Verdict v = supervisor.poll(System.nanoTime());
                    if (v != Verdict.RUNNING) {
                        detail = supervisor.detail();
                        verdict = v;
                        if (v == Verdict.HANG) {
                            run.stopNow(supervisor::stuck);
                        } else if (v == Verdict.DIVERGED) {
                            run.stopNow();
                        }
                        return;
                    }
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("the supervisor failed: {}", e.toString());
                detail = "the supervisor failed: " + e;
                run.stopNow();
            }
        }
    }
}
