package io.shmlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one clean-up registry of a command: what the command made (names in /dev/shm, child processes)
 * is registered here as it is made, and removed on every way out but SIGKILL: when the command ends
 * (normally or by an exception: {@link #close}), and from a JVM shutdown hook when SIGINT (Ctrl-C) or
 * SIGTERM ends it. The hook first runs the command's own handlers ({@link #onInterrupt}: a writer
 * finishing its letter, an exploration printing what it counted), then stops the child processes
 * this JVM started (their programs could make a name again), then runs every clean-up action not run
 * yet, and says in one line what it removed.
 *
 * <p>Each action runs once, whichever path comes first; the paths take one lock, so a signal that
 * arrives while the command is cleaning up waits for it to finish rather than cutting it short.
 */
final class CleanUp implements AutoCloseable {
    /** How long the hook lets the command's own handlers and the children take. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    /** How long the hook waits for the command's thread to print what it must print first. */
    private static final Duration FIRST_PATIENCE = Duration.ofSeconds(5);
    /** How often, and how many times in a row, the hook must see no child before it removes names. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int QUIET_POLLS = 4;

    /** Something to undo. */
    private static final class Action {
        final Supplier<List<String>> undo;
        final boolean onlyWhenInterrupted;
        boolean done;

        Action(Supplier<List<String>> undo, boolean onlyWhenInterrupted) {
            this.undo = undo;
            this.onlyWhenInterrupted = onlyWhenInterrupted;
        }
    }

    private final Console console;
    private final List<Action> actions = new ArrayList<>();
    private final List<Runnable> interruptHandlers = new CopyOnWriteArrayList<>();
    private final Thread hook;
    private volatile boolean interrupted;

    private CleanUp(Console console) {
        this.console = console;
        this.hook = new Thread(this::interrupted, "shmlab-clean-up");
    }

    /** A registry whose shutdown hook is installed. */
    static CleanUp install(Console console) {
        CleanUp cleanUp = new CleanUp(console);
        Runtime.getRuntime().addShutdownHook(cleanUp.hook);
        return cleanUp;
    }

    /**
     * Registers an action run on every way out (such as removing a name the command made); it returns
     * what it removed, as the line after an interruption names it. Actions run last registered first.
     */
    void always(Supplier<List<String>> undo) {
        synchronized (actions) {
            actions.add(new Action(undo, false));
        }
    }

    /**
     * Registers an action run only when a signal ends the command (an interactive lab's objects are
     * the user's once it quits normally, as the C program leaves them).
     */
    void whenInterrupted(Supplier<List<String>> undo) {
        synchronized (actions) {
            actions.add(new Action(undo, true));
        }
    }

    /**
     * Registers work of the command's thread that cleans up after itself as it ends (a run that removes
     * what its processes made): when a signal ends the command, the clean-up waits for it, up to a few
     * seconds, before the actions registered earlier. Run what this returns when the work has ended.
     */
    Runnable awaitedWhenInterrupted() {
        CountDownLatch ended = new CountDownLatch(1);
        whenInterrupted(() -> {
            await(ended, PATIENCE);
            return List.of();
        });
        return ended::countDown;
    }

    /**
     * Registers work of the command's thread that a signal's clean-up waits for first, up to a few
     * seconds, before it stops anything (an exploration printing the counts so far). Run what this
     * returns when the work has ended.
     */
    Runnable awaitedFirstWhenInterrupted() {
        CountDownLatch done = new CountDownLatch(1);
        onInterrupt(() -> await(done, FIRST_PATIENCE));
        return done::countDown;
    }

    private static void await(CountDownLatch latch, Duration patience) {
        try {
            latch.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers what to do first when a signal ends the command; it may take up to a few seconds. */
    void onInterrupt(Runnable handler) {
        interruptHandlers.add(handler);
    }

    /** True once a signal is ending the command. */
    boolean isInterrupted() {
        return interrupted;
    }

    /** The normal way out: runs the actions for every way out. */
    @Override
    public void close() {
        TestHook.reached(TestHook.CLEAN_UP);
        runActions(false);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it does the rest
        }
    }

    private void interrupted() {
        interrupted = true;
        for (Runnable handler : interruptHandlers) {
            try {
                handler.run();
            } catch (RuntimeException e) {
                console.error("shmlab: while stopping: " + e.getMessage());
            }
        }
        stopChildren();
        List<String> removed = runActions(true);
        console.error("shmlab: interrupted" + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)));
    }

    /**
     * Ends every process this JVM started that is still running (SIGTERM, then SIGKILL), again and
     * again until none has been seen for a while: the command's thread may be starting one more just
     * now (a run stops starting them once the JVM shuts down).
     */
    private static void stopChildren() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int quiet = 0;
        while (quiet < QUIET_POLLS && System.nanoTime() < deadline) {
            List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
            if (children.isEmpty()) {
                quiet++;
                sleep(POLL);
                continue;
            }
            quiet = 0;
            children.forEach(ProcessHandle::destroy);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception stillThere) {
                    child.destroyForcibly();
                }
            }
        }
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            child.destroyForcibly();
            try {
                child.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // gone or unkillable: nothing more to do
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> runActions(boolean interruption) {
        List<String> done = new ArrayList<>();
        synchronized (actions) {
            for (int i = actions.size() - 1; i >= 0; i--) {
                Action action = actions.get(i);
                if (action.done || (action.onlyWhenInterrupted && !interruption)) {
                    continue;
                }
                action.done = true;
                try {
                    done.addAll(action.undo.get());
                } catch (RuntimeException e) {
                    console.error("shmlab: could not clean up: " + e.getMessage());
                }
            }
        }
        return done;
    }
}
