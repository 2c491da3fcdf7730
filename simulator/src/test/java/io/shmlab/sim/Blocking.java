package io.shmlab.sim;

import static org.junit.jupiter.api.Assertions.fail;

import io.shmlab.sim.kernel.ProcessState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test support: run a process's calls on a thread of their own, and wait until it blocks. */
final class Blocking {
    private Blocking() {
    }

    /** Runs the calls on a new thread; the future ends with their exception, if any. */
    static CompletableFuture<Void> inBackground(Runnable calls) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                calls.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "test-process");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /**
     * Waits until the process is blocked in a call. This waits for a state, not for an amount of
     * time; the bound only keeps a broken build from hanging.
     */
    static void awaitBlocked(SimMachine machine, SimOs os) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (os.process().state() != ProcessState.BLOCKED) {
            if (System.nanoTime() > deadline) {
                fail(os + " never blocked");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
