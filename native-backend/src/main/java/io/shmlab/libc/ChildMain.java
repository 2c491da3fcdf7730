package io.shmlab.libc;

import io.shmlab.api.MemoryFault;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.Signal;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.ScheduleDivergence;
import io.shmlab.libc.turns.TurnTaking;
import io.shmlab.libc.turns.TurnstileOs;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of a child JVM started by {@link ChildRun}: builds the program from its class name
 * and arguments, runs it on the native backend as this process's {@code main}, and reports how it
 * ended in {@link ChildReport} lines on standard error.
 *
 * <p>Usage: {@code java -cp ... io.shmlab.libc.ChildMain CLASS [ARG...]}. When the parent stops it at
 * a timeout (SIGTERM), a shutdown hook reports the blocking call the process was in. In an ordered run
 * (see {@link ScheduledNativeRun}) the program's handle is a {@link TurnstileOs}, and the process takes
 * its exit turn once the program has ended.
 */
public final class ChildMain {
    /** The system property naming the control block of an ordered run, if the child takes part in one. */
    static final String TURNS_PROPERTY = "shmlab.turns.block";
    /** The system property giving the child's process index in the ordered run. */
    static final String TURNS_PROCESS_PROPERTY = "shmlab.turns.process";
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                System.out.flush();
                err.println(ChildReport.stopped(process.currentBlockingCall()));
                err.flush();
            }
        }, "shmlab-child-stop-report"));
        TurnTaking turns = turnsOf(machine, process);
        Os os = turns == null ? machine.spawn() : new TurnstileOs(machine.spawn(), turns);
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
        return new TurnTaking(ControlBlock.open(machine.spawn(), block), index, process.pid());
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
        return new End(128 + signal.number(), signal, false);
    }
}
