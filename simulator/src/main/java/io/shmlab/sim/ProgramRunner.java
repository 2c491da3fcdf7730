package io.shmlab.sim;

import io.shmlab.api.Ending;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Signal;
import io.shmlab.sim.kernel.DeadlockDetected;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.ProcessKilled;

/**
 * The body of a simulated process's thread: runs its program and turns the way it ends into an
 * {@link Ending}, as the C runtime and the kernel would:
 * <ul>
 *   <li>returning from main: exited with that status (its low 8 bits, as exit(3) keeps);</li>
 *   <li>an uncaught {@link MemoryFault}: killed by SIGBUS or SIGSEGV, with where and why;</li>
 *   <li>a signal sent to it: killed by that signal;</li>
 *   <li>blocked when every process was blocked: blocked forever in that call;</li>
 *   <li>an uncaught {@link PosixException}: its message on the console, as perror(3) prints it, and
 *       status 1; any other exception: the same;</li>
 *   <li>a failed Java assertion: "Assertion failed" and killed by SIGABRT, as C's assert(3) ends.</li>
 * </ul>
 * The exit itself is a system call: mappings and descriptors go and a waiting parent wakes.
 */
final class ProgramRunner implements Runnable {
    private final SimMachine machine;
    private final KernelProcess process;
    private final Program program;

    ProgramRunner(SimMachine machine, KernelProcess process, Program program) {
        this.machine = machine;
        this.process = process;
        this.program = program;
    }

    @Override
    public void run() {
        process.bindToCurrentThread();
        try {
            machine.exit(process, runProgram());
        } finally {
            KernelProcess.unbindCurrentThread();
        }
    }

    private Ending runProgram() {
        try {
            return new Ending.Exited(program.main(new SimOs(machine, process)) & 0xFF);
        } catch (MemoryFault fault) {
            return new Ending.Killed(fault.signal(), detail(fault));
        } catch (ProcessKilled killed) {
            return new Ending.Killed(killed.signal(), null);
        } catch (DeadlockDetected deadlock) {
            return new Ending.Blocked(deadlock.call());
        } catch (PosixException e) {
            process.console().write(e.getMessage() + "\n");
            return new Ending.Exited(1);
        } catch (AssertionError e) {
            // C's assert(3) prints and calls abort(3)
            process.console().write("Assertion failed: " + e.getMessage() + "\n");
            return new Ending.Killed(Signal.SIGABRT, "assertion failed: " + e.getMessage());
        } catch (Exception | LinkageError | StackOverflowError e) {
            process.console().write(e + "\n");
            return new Ending.Exited(1);
        }
    }

    /** The fault's message without its leading signal name, which the ending already says. */
    private static String detail(MemoryFault fault) {
        String message = fault.getMessage();
        String prefix = fault.signal().name() + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
