package io.shmlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Syscall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DirectDispatcherTest {
    private final DirectDispatcher dispatcher = new DirectDispatcher();
    private final FutexTable futexes = new FutexTable(dispatcher);
    private final FutexKey key = new FutexKey(1, 0, true);

    private CompletableFuture<Dispatcher.Wake> waitInBackground(int pid, long deadline) {
        CompletableFuture<Dispatcher.Wake> result = new CompletableFuture<>();
        dispatcher.start(pid, () -> {
            dispatcher.enter(pid, Syscall.SEM_WAIT, "");
            try {
                result.complete(futexes.wait(pid, key, deadline));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                dispatcher.exit(pid, "");
            }
        });
        return result;
    }

    private void awaitBlocked(int pid) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!dispatcher.blockedForever(pid)) {
            if (System.nanoTime() > until) {
                throw new AssertionError(pid + " never blocked");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aWakeReleasesTheOldestWaiterOnTheKey() throws Exception {
        dispatcher.attach(99);
        CompletableFuture<Dispatcher.Wake> first = waitInBackground(1, Long.MAX_VALUE);
        awaitBlocked(1);
        CompletableFuture<Dispatcher.Wake> second = waitInBackground(2, Long.MAX_VALUE);
        awaitBlocked(2);
        dispatcher.enter(99, Syscall.SEM_POST, "");
        try {
            assertEquals(0, futexes.wake(99, new FutexKey(2, 0, true), 1), "another key wakes nobody");
            assertEquals(1, futexes.wake(99, key, 1));
        } finally {
            dispatcher.exit(99, "");
        }
        assertEquals(Dispatcher.Wake.WOKEN, first.get(30, TimeUnit.SECONDS));
        assertFalse(second.isDone());
        dispatcher.enter(99, Syscall.SEM_POST, "");
        try {
            assertEquals(1, futexes.wake(99, key, Integer.MAX_VALUE));
        } finally {
            dispatcher.exit(99, "");
        }
        assertEquals(Dispatcher.Wake.WOKEN, second.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aWaitWithAPastDeadlineTimesOut() throws Exception {
        assertEquals(Dispatcher.Wake.TIMED_OUT, waitInBackground(1, dispatcher.now() - 1).get(30, TimeUnit.SECONDS));
    }

    @Test
    void whenEveryLiveProcessIsBlockedForeverEachOneIsTold() {
        CompletableFuture<Dispatcher.Wake> a = waitInBackground(1, Long.MAX_VALUE);
        CompletableFuture<Dispatcher.Wake> b = waitInBackground(2, Long.MAX_VALUE);
        for (CompletableFuture<Dispatcher.Wake> f : java.util.List.of(a, b)) {
            Exception e = assertThrows(Exception.class, () -> f.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof DeadlockDetected, String.valueOf(e.getCause()));
            assertEquals("sem_wait()", ((DeadlockDetected) e.getCause()).call());
        }
    }

    @Test
    void aProcessThatIsRunningOrHasADeadlineKeepsOthersFromDeadlock() throws Exception {
        dispatcher.attach(99);
        CompletableFuture<Dispatcher.Wake> forever = waitInBackground(1, Long.MAX_VALUE);
        awaitBlocked(1);
        CompletableFuture<Dispatcher.Wake> timed = waitInBackground(2, dispatcher.now() + 20_000_000L);
        assertEquals(Dispatcher.Wake.TIMED_OUT, timed.get(30, TimeUnit.SECONDS));
        assertFalse(forever.isDone(), "process 99 is live and not blocked: it might still wake 1");
        dispatcher.detach(99);
        Exception e = assertThrows(Exception.class, () -> forever.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof DeadlockDetected, "once 99 has ended, 1 is alone and blocked");
    }

    @Test
    void spuriousInterruptionsComeEveryOtherWait() {
        DirectDispatcher eintr = new DirectDispatcher(true);
        FutexTable table = new FutexTable(eintr);
        eintr.attach(1);
        eintr.enter(1, Syscall.SEM_WAIT, "");
        try {
            assertEquals(Dispatcher.Wake.INTERRUPTED, table.wait(1, key, Long.MAX_VALUE));
            assertEquals(Dispatcher.Wake.TIMED_OUT, table.wait(1, key, eintr.now() - 1));
            assertEquals(Dispatcher.Wake.INTERRUPTED, table.wait(1, key, Long.MAX_VALUE));
        } finally {
            eintr.exit(1, "");
        }
    }

    @Test
    void futexCallsOutsideASystemCallAreRefused() {
        assertThrows(IllegalStateException.class, () -> futexes.wait(1, key, 0));
    }
}
