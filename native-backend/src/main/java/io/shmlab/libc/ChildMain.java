package io.shmlab.libc;

import io.shmlab.api.MemoryFault;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Signal;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.ProcThread;
import io.shmlab.libc.turns.ScheduleDivergence;
import io.shmlab.libc.turns.TurnTaking;
import io.shmlab.libc.turns.TurnstileOs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of a child JVM started by {@link ChildRun}: builds the program from its class name
 * and arguments, runs it on the native backend as this process's {@code main}, and reports how it
 * ended in {@link ChildReport} lines on standard error.
 *
 * <p>Usage: {@code java -cp ... io.shmlab.libc.ChildMain CLASS [ARG...]}. Before the program starts
 * the child reports the thread it runs on, and while it runs, every {@link #PROGRESS_EVERY}, how many
 * of its calls have returned if that changed ({@link ObservedOs}): what the parent decides a deadlock
 * and a run without progress from; and, as each call makes it, a name of /dev/shm that a call of the
 * program made ({@link MadeNamesOs}): what the parent's clean-up may remove. When the parent stops it (SIGTERM), a shutdown hook reports the
 * blocking call the process was in and what it waits on. In an ordered run
 * (see {@link ScheduledNativeRun}) the program's handle is a {@link TurnstileOs}, and the process takes
 * its exit turn once the program has ended.
 */
public final class ChildMain {
    /** The system property naming the control block of an ordered run, if the child takes part in one. */
    static final String TURNS_PROPERTY = "shmlab.turns.block";
    /**
     * The system property giving the path of the control block, when the child cannot reach it by its
     * name (it runs inside a /dev/shm of its own, {@link PrivateTmpfs}).
     */
    static final String TURNS_PATH_PROPERTY = "shmlab.turns.path";
    /** The system property giving the child's process index in the ordered run. */
    static final String TURNS_PROCESS_PROPERTY = "shmlab.turns.process";
    /** How often the progress of the program is reported, when it changed. */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    private static volatile boolean finished;

    private ChildMain() {
    }

    /** Runs the program named by {@code args[0]} with the rest as its arguments. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ChildMain CLASS [ARG...]");
            System.exit(2);
        }
        PrintStream err = System.err;
        ProgramSpec spec = new ProgramSpec(args[0], List.of(Arrays.copyOfRange(args, 1, args.length)));
        NativeMachine machine = new NativeBackend().start();
        ThisProcess process = ThisProcess.get();
        TurnTaking turns = turnsOf(machine, process);
        ObservedOs observed = new ObservedOs(new MadeNamesOs(machine.spawn(), entry -> err.println(ChildReport.made(entry))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                System.out.flush();
                String on = observed.waitingOn();
                if (on != null) {
                    err.println(ChildReport.waitsOn(on));
                }
                err.println(ChildReport.stopped(process.currentBlockingCall()));
                err.flush();
            }
        }, "shmlab-child-stop-report"));
        Os os = turns == null ? observed : new TurnstileOs(observed, turns);
        err.println(ChildReport.thread(ProcThread.callingThread()));
        startProgressReports(observed, err);
        End end = run(spec, os, err);
        if (turns != null && !end.diverged()) {
            try {
                turns.exit();
            } catch (ScheduleDivergence e) {
                System.out.flush();
                err.println(e.getMessage());
            }
        }
        System.out.flush();
        finished = true;
        if (end.fault() == null) {
            err.println(ChildReport.exit(end.status()));
        }
        err.flush();
        System.exit(end.status());
    }

    /** A daemon thread writing the number of returned calls every {@link #PROGRESS_EVERY}, when it changed. */
    private static void startProgressReports(ObservedOs observed, PrintStream err) {
        Thread reporter = new Thread(() -> {
            long reported = 0;
            try {
                while (!finished) {
                    Thread.sleep(PROGRESS_EVERY.toMillis());
                    long now = observed.returnedCalls();
                    if (now != reported && !finished) {
                        err.println(ChildReport.progress(now));
                        reported = now;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shmlab-child-progress");
        reporter.setDaemon(true);
        reporter.start();
    }

    /**
     * This process's side of an ordered run when the parent asked for one ({@link #TURNS_PROPERTY} and
     * {@link #TURNS_PROCESS_PROPERTY}), else {@code null}.
     */
    private static TurnTaking turnsOf(NativeMachine machine, ThisProcess process) {
        String block = System.getProperty(TURNS_PROPERTY);
        if (block == null) {
            return null;
        }
        int index = Integer.parseInt(System.getProperty(TURNS_PROCESS_PROPERTY));
        String path = System.getProperty(TURNS_PATH_PROPERTY);
        ControlBlock opened = path == null ? ControlBlock.open(machine.spawn(), block) : ControlBlock.openPath(machine.spawn(), path);
        return new TurnTaking(opened, index, process.pid());
    }

    /** How the program ended: an exit status (as C's exit keeps it, 0 to 255), a fault if one, and whether it left its schedule. */
    private record End(int status, Signal fault, boolean diverged) {
        static End exited(int status) {
            return new End(status & 0xFF, null, false);
        }
    }

    private static End run(ProgramSpec spec, Os os, PrintStream err) {
        try {
            Program program = spec.instantiate();
            return End.exited(program.main(os));
        } catch (MemoryFault fault) {
            // The ending names the signal; the detail is the rest, as the simulator reports it.
            String prefix = fault.signal().name() + " ";
            String message = fault.getMessage();
            return faulted(fault.signal(), message.startsWith(prefix) ? message.substring(prefix.length()) : message, err);
        } catch (ScheduleDivergence e) {
            System.out.flush();
            err.println(e.getMessage());
            return new End(1, null, true);
        } catch (PosixException e) {
            // As perror(3) would print it, and exit(1).
            System.out.flush();
            err.println(e.getMessage());
            return End.exited(1);
        } catch (InternalError e) {
            if (NativeMemory.isUnsafeAccessFault(e)) {
                return faulted(Signal.SIGBUS, "an access touched a page past the end of its object "
                        + "(the object shrank under the mapping)", err);
            }
            throw e;
        } catch (Exception e) {
            System.out.flush();
            e.printStackTrace(err);
            return End.exited(1);
        }
    }

    private static End faulted(Signal signal, String detail, PrintStream err) {
        System.out.flush();
        err.println(ChildReport.fault(signal, detail));
        return new End(signal.exitStatus(), signal, false);
    }
}
