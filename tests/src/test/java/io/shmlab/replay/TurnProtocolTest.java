package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.Syscall;
import io.shmlab.api.Unlink;
import io.shmlab.api.layout.SemT;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.ProcessSignals;
import io.shmlab.libc.turns.ScheduleDivergence;
import io.shmlab.libc.turns.SleepProbe;
import io.shmlab.libc.turns.Supervisor;
import io.shmlab.libc.turns.Turn;
import io.shmlab.libc.turns.TurnKind;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.libc.turns.TurnTaking;
import io.shmlab.libc.turns.Verdict;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The turn protocol, with threads of this JVM standing for the processes (each with its own handle):
 * the calls happen in the order's order whatever the threads' timing, a blocked turn is handed on by
 * the supervisor, and a call out of order is refused.
 */
class TurnProtocolTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Only the order of the probe's answers matters here: a thread in a turn is taken as asleep. */
    private static final SleepProbe ALWAYS_ASLEEP = (pid, tid) -> true;
    /** No order here wakes a process another one is blocked on: stopping one would be a mistake. */
    private static final ProcessSignals NO_SIGNALS = new ProcessSignals() {
        @Override
        public void stop(int pid) {
            throw new AssertionError("stopped " + pid);
        }

        @Override
        public void resume(int pid) {
            throw new AssertionError("continued " + pid);
        }
    };

    private Machine machine;
    private Os os;
    private String name;
    private ExecutorService threads;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        os = machine.spawn();
        name = "/" + ShmLeakCheck.RUN_TAG + "-turns-" + COUNTER.incrementAndGet();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (os == null) {
            return;
        }
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        Unlink.shmIfPresent(os, name);
    }

    @Test
    void callsHappenInTheOrdersOrderWhateverTheThreadsTiming() throws Exception {
        TurnOrder order = new TurnOrder(2, List.of(
                new Turn(1, TurnKind.CALL, Syscall.WRITE),
                new Turn(0, TurnKind.CALL, Syscall.WRITE),
                new Turn(0, TurnKind.CALL, Syscall.WRITE),
                new Turn(1, TurnKind.CALL, Syscall.WRITE),
                new Turn(0, TurnKind.EXIT, Syscall.EXIT),
                new Turn(1, TurnKind.EXIT, Syscall.EXIT)));
        List<String> happened = Collections.synchronizedList(new ArrayList<>());
        try (ControlBlock block = ControlBlock.create(os, name, order)) {
            CompletableFuture<Void> a = process(0, 2, happened);
            CompletableFuture<Void> b = process(1, 2, happened);
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
            assertEquals(List.of("B1", "A1", "A2", "B2"), happened);
            block.lock();
            try {
                assertEquals(order.size(), block.cursor());
            } finally {
                block.unlock();
            }
            assertEquals(Verdict.FOLLOWED, new Supervisor(block, Duration.ZERO, ALWAYS_ASLEEP, NO_SIGNALS).poll(System.nanoTime()));
        }
    }

    @Test
    void aCallOutOfTurnIsRefusedAndTheSupervisorSaysDiverged() throws Exception {
        TurnOrder order = new TurnOrder(1, List.of(new Turn(0, TurnKind.CALL, Syscall.SEM_POST), new Turn(0, TurnKind.EXIT, Syscall.EXIT)));
        try (ControlBlock block = ControlBlock.create(os, name, order)) {
            TurnTaking turns = new TurnTaking(ControlBlock.open(machine.spawn(), name), 0, os.pid());
            ScheduleDivergence e = assertThrows(ScheduleDivergence.class, () -> turns.enter(Syscall.SEM_WAIT));
            assertTrue(e.getMessage().contains("A calls sem_wait but turn 0 is A's call sem_post"), e.getMessage());
            Supervisor supervisor = new Supervisor(block, Duration.ZERO, ALWAYS_ASLEEP, NO_SIGNALS);
            assertEquals(Verdict.DIVERGED, supervisor.poll(System.nanoTime()));
        }
    }

    @Test
    void aTurnBlockedInTheKernelIsHandedOnAndTheBlockedCallResumesOnItsOwnTurn() throws Exception {
        // A waits on a semaphore at 0 (blocks), B posts it, A resumes, both exit.
        var fd = os.shmOpen(name + "-sem", io.shmlab.api.OpenFlags.O_RDWR | io.shmlab.api.OpenFlags.O_CREAT, 0600);
        try {
            os.ftruncate(fd, SemT.SIZE);
            var data = os.mmap(SemT.SIZE, io.shmlab.api.Protection.PROT_READ | io.shmlab.api.Protection.PROT_WRITE,
                    io.shmlab.api.MapFlags.MAP_SHARED, fd, 0);
            var sem = os.semInit(data, 0, true, 0);
            TurnOrder order = new TurnOrder(2, List.of(
                    new Turn(0, TurnKind.BLOCKS, Syscall.SEM_WAIT),
                    new Turn(1, TurnKind.CALL, Syscall.SEM_POST),
                    new Turn(0, TurnKind.RESUMED, Syscall.SEM_WAIT),
                    new Turn(1, TurnKind.EXIT, Syscall.EXIT),
                    new Turn(0, TurnKind.EXIT, Syscall.EXIT)));
            List<String> happened = Collections.synchronizedList(new ArrayList<>());
            try (ControlBlock block = ControlBlock.create(os, name, order)) {
                Supervisor supervisor = new Supervisor(block, Duration.ofMillis(20), SleepProbe.proc(), NO_SIGNALS);
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
                    Os mine = machine.spawn();
                    TurnTaking t = new TurnTaking(ControlBlock.open(mine, name), 0, mine.pid());
                    t.enter(Syscall.SEM_WAIT);
                    mine.semWait(sem);
                    happened.add("A back from sem_wait");
                    t.leave();
                    t.exit();
                }, threads);
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
                    Os mine = machine.spawn();
                    TurnTaking t = new TurnTaking(ControlBlock.open(mine, name), 1, mine.pid());
                    t.enter(Syscall.SEM_POST);
                    happened.add("B posts");
                    mine.semPost(sem);
                    t.leave();
                    t.exit();
                }, threads);
                Verdict v = Verdict.RUNNING;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (v == Verdict.RUNNING && System.nanoTime() < deadline) {
                    v = supervisor.poll(System.nanoTime());
                    Thread.sleep(2);
                }
                a.get(30, TimeUnit.SECONDS);
                b.get(30, TimeUnit.SECONDS);
                assertEquals(Verdict.FOLLOWED, v, supervisor.detail());
                assertEquals(List.of("B posts", "A back from sem_wait"), happened);
            }
        } finally {
            os.close(fd);
            os.shmUnlink(name + "-sem");
        }
    }

    @Test
    void aScheduleEndingWithAProcessBlockedIsAHang() throws Exception {
        var fd = os.shmOpen(name + "-sem", io.shmlab.api.OpenFlags.O_RDWR | io.shmlab.api.OpenFlags.O_CREAT, 0600);
        try {
            os.ftruncate(fd, SemT.SIZE);
            var data = os.mmap(SemT.SIZE, io.shmlab.api.Protection.PROT_READ | io.shmlab.api.Protection.PROT_WRITE,
                    io.shmlab.api.MapFlags.MAP_SHARED, fd, 0);
            var sem = os.semInit(data, 0, true, 0);
            TurnOrder order = new TurnOrder(1, List.of(new Turn(0, TurnKind.BLOCKS, Syscall.SEM_WAIT)));
            try (ControlBlock block = ControlBlock.create(os, name, order)) {
                Supervisor supervisor = new Supervisor(block, Duration.ofMillis(20), SleepProbe.proc(), NO_SIGNALS);
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
                    Os mine = machine.spawn();
                    TurnTaking t = new TurnTaking(ControlBlock.open(mine, name), 0, mine.pid());
                    t.enter(Syscall.SEM_WAIT);
                    mine.semWait(sem); // a real process is killed here at the hang: it never leaves
                }, threads);
                Verdict v = Verdict.RUNNING;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (v == Verdict.RUNNING && System.nanoTime() < deadline) {
                    v = supervisor.poll(System.nanoTime());
                    Thread.sleep(2);
                }
                assertEquals(Verdict.HANG, v);
                assertTrue(supervisor.detail().contains("A in sem_wait"), supervisor.detail());
                assertFalse(a.isDone());
                os.semPost(sem); // lets the thread go
                a.get(30, TimeUnit.SECONDS);
            }
        } finally {
            os.close(fd);
            os.shmUnlink(name + "-sem");
        }
    }

    private CompletableFuture<Void> process(int index, int calls, List<String> happened) {
        return CompletableFuture.runAsync(() -> {
            Os mine = machine.spawn();
            TurnTaking t = new TurnTaking(ControlBlock.open(mine, name), index, mine.pid());
            for (int c = 1; c <= calls; c++) {
                t.enter(Syscall.WRITE);
                happened.add((char) ('A' + index) + Integer.toString(c));
                t.leave();
            }
            t.exit();
        }, threads);
    }
}
