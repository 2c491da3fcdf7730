package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.MachineOptions;
import io.shmlab.api.ProcessLabel;
import io.shmlab.labs.Exercise1;
import io.shmlab.labs.Exercise2;
import io.shmlab.labs.Exercise3;
import io.shmlab.labs.Exercise4;

/**
 * The interactive exercises on the simulator: one simulated machine whose processes share this
 * terminal ({@link SharedTerminal}). Everything lives in the machine, so nothing is left behind.
 */
final class SimSession {

    private SimSession() {
    }

    /** Exercise 1 in {@code procs} processes A, B, ..., each built from the same arguments. */
    static int exercise1(Backend backend, MachineOptions machine, String[] args, int procs, Console console, CleanUp cleanUp) {
        checkProcs(procs);
        return session(backend, machine, console, cleanUp, terminal -> {
            for (int i = 0; i < procs; i++) {
                terminal.start(ProcessLabel.of(i), new Exercise1(args));
            }
        });
    }

    /**
     * Exercise 2's writer W beside an Exercise 1 reader A. W's SIGINT handler is the C program's: the
     * loop ends after the letter being written and W says "stopped", whether the SIGINT comes from
     * {@code kill W} or from Ctrl-C of the whole session.
     */
    static int exercise2(Backend backend, MachineOptions machine, String[] writerArgs, Console console, CleanUp cleanUp) {
        Exercise2 writer = new Exercise2(writerArgs);
        return session(backend, machine, console, cleanUp, terminal -> {
            terminal.start("A", new Exercise1(new String[] {writerArgs[0]}));
            terminal.startBackground("W", writer, writer::stop);
        });
    }

    /**
     * Exercise 3's two sides in one machine: the poster B starts first and waits for the user's word
     * (Enter: an empty line goes to B, the process addressed first); the waiter A then creates the
     * semaphore and blocks on it. B must exist before A blocks: a machine whose only process is blocked
     * with nothing left to wake it is deadlocked. At end of input B ends without posting, and A, blocked
     * with nothing left to wake it, is ended with a line that says so.
     */
    static int exercise3(Backend backend, MachineOptions machine, Exercise3.Role role, String name, Console console, CleanUp cleanUp) {
        console.println("on the simulator both sides run here: A waits on " + name + "; press Enter to have B post it"
                + (role == Exercise3.Role.POST ? " (you asked for post: B)" : " (you asked for wait: A)"));
        return session(backend, machine, console, cleanUp, terminal -> {
            terminal.start("B", new Exercise3(new String[] {"post", name, "ask"}));
            terminal.start("A", new Exercise3(new String[] {"wait", name}));
        });
    }

    /** Exercise 4 in {@code procs} processes sharing one ring buffer. */
    static int exercise4(Backend backend, MachineOptions machine, String[] args, int procs, Console console, CleanUp cleanUp) {
        checkProcs(procs);
        return session(backend, machine, console, cleanUp, terminal -> {
            for (int i = 0; i < procs; i++) {
                terminal.start(ProcessLabel.of(i), new Exercise4(args));
            }
        });
    }

    private interface Setup {
        void start(SharedTerminal terminal) throws InterruptedException;
    }

    private static int session(Backend backend, MachineOptions machine, Console console, CleanUp cleanUp, Setup setup) {
        try (SharedTerminal terminal = new SharedTerminal(SimHost.boot(backend, machine), console)) {
            cleanUp.onInterrupt(terminal::interrupt);
            setup.start(terminal);
            return terminal.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
    }

    private static void checkProcs(int procs) {
        if (procs < 1 || procs > 26) {
            throw new UsageError("--procs=" + procs + ": a terminal session has 1 to 26 processes (A to Z)");
        }
    }
}
