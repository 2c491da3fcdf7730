package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Timespec;
import io.shmlab.api.layout.SemT;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** sem_init'ed semaphores in shared memory, in direct mode with real threads. */
class UnnamedSemaphoreTest {
    private final SimMachine machine = SimMachine.builder().seed(3).build();
    private final SimOs a = machine.spawn();
    private final SimOs b = machine.spawn();

    @AfterEach
    void close() {
        machine.close();
    }

    private static Mapping map(SimOs os, int prot) {
        OpenFile fd = os.shmOpen("/sems", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 4096);
        return os.mmap(4096, prot, MAP_SHARED, fd, 0);
    }

    @Test
    void waitAndPostCountAsASemaphore() {
        Mapping m = map(a, PROT_READ | PROT_WRITE);
        Semaphore s = a.semInit(m, 0, true, 2);
        a.semWait(s);
        assertTrue(a.semTrywait(s));
        assertFalse(a.semTrywait(s), "trywait on zero is false (EAGAIN)");
        a.semPost(s);
        assertEquals(1, a.semGetvalue(s));
        assertEquals(1, m.getInt(SemT.VALUE_OFFSET), "the value is in the mapped memory");
        assertEquals(SemT.FUTEX_SHARED, m.getInt(SemT.PRIVATE_OFFSET));
    }

    @Test
    void aPostWakesAWaiterOfAnotherProcessMappingElsewhere() throws Exception {
        Mapping ma = map(a, PROT_READ | PROT_WRITE);
        Mapping mb = map(b, PROT_READ | PROT_WRITE);
        assertNotEquals(ma.address(), mb.address());
        Semaphore sa = a.semInit(ma, 64, true, 0);
        Semaphore sb = b.semAt(mb, 64);
        CompletableFuture<Void> waiter = Blocking.inBackground(() -> b.semWait(sb));
        Blocking.awaitBlocked(machine, b);
        assertEquals(0, a.semGetvalue(sa), "0, never negative, while there are waiters");
        assertEquals(1, ma.getInt(64 + SemT.NWAITERS_OFFSET), "the waiter registered in memory");
        a.semPost(sa);
        waiter.get(30, TimeUnit.SECONDS);
        assertEquals(0, a.semGetvalue(sa));
        assertEquals(0, ma.getLong(64 + SemT.DATA_OFFSET), "value and waiters back to 0");
    }

    @Test
    void aProcessPrivateSemaphoreNeverWakesAnotherProcess() throws Exception {
        Mapping ma = map(a, PROT_READ | PROT_WRITE);
        Mapping mb = map(b, PROT_READ | PROT_WRITE);
        Semaphore sa = a.semInit(ma, 0, false, 0);
        Semaphore sb = b.semAt(mb, 0);
        CompletableFuture<Void> waiter = Blocking.inBackground(() -> b.semWait(sb));
        Blocking.awaitBlocked(machine, b);
        a.semPost(sa);
        assertEquals(1, a.semGetvalue(sa), "posted, but the futex wake went to A's private futex");
        assertFalse(waiter.isDone());
        assertTrue(((io.shmlab.sim.kernel.DirectDispatcher) machine.dispatcher()).blockedForever(b.pid()));
    }

    @Test
    void timedwaitTimesOutWithTheRealClock() {
        Mapping m = map(a, PROT_READ | PROT_WRITE);
        Semaphore s = a.semInit(m, 0, true, 0);
        Timespec soon = a.clockGettime().plus(Duration.ofMillis(20));
        assertFalse(a.semTimedwait(s, soon));
        assertTrue(a.clockGettime().toNanos() >= soon.toNanos());
        assertFalse(a.semTimedwait(s, new Timespec(-5, 0)), "a deadline before the epoch has passed");
        assertEquals(0, m.getLong(SemT.DATA_OFFSET), "the timed-out waiter unregistered");
        a.semPost(s);
        assertTrue(a.semTimedwait(s, new Timespec(0, 0)), "a positive value is taken whatever the deadline");
    }

    @Test
    void timedwaitChecksTheNanosecondsFirst() {
        Mapping m = map(a, PROT_READ | PROT_WRITE);
        Semaphore s = a.semInit(m, 0, true, 1);
        for (Timespec bad : List.of(new Timespec(0, -1), new Timespec(0, 1_000_000_000))) {
            PosixException e = assertThrows(PosixException.class, () -> a.semTimedwait(s, bad));
            assertEquals(Errno.EINVAL, e.errno());
        }
        assertEquals(1, a.semGetvalue(s), "EINVAL even when the value is positive, as glibc 2.36");
    }

    @Test
    void postAtTheMaximumIsEoverflow() {
        Mapping m = map(a, PROT_READ | PROT_WRITE);
        Semaphore s = a.semInit(m, 0, true, Limits.SEM_VALUE_MAX);
        assertEquals(Errno.EOVERFLOW, assertThrows(PosixException.class, () -> a.semPost(s)).errno());
        assertEquals(Limits.SEM_VALUE_MAX, a.semGetvalue(s));
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> a.semInit(m, SemT.SIZE, true, Limits.SEM_VALUE_MAX + 1L)).errno());
    }

    @Test
    void aSemaphoreInReadOnlyMemoryFaultsOnlyWhenItWouldBeWritten() {
        Mapping rw = map(a, PROT_READ | PROT_WRITE);
        a.semInit(rw, 0, true, 0);
        Mapping ro = map(b, PROT_READ);
        Semaphore s = b.semAt(ro, 0);
        assertFalse(b.semTrywait(s), "glibc only loads a zero value");
        assertEquals(0, b.semGetvalue(s));
        assertThrows(SegmentationFault.class, () -> b.semPost(s));
    }

    @Test
    void manyThreadsKeepTheCountExact() throws Exception {
        Mapping m = map(a, PROT_READ | PROT_WRITE);
        Semaphore mutex = a.semInit(m, 0, true, 1);
        int processes = 4;
        int rounds = 2000;
        List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
        for (int i = 0; i < processes; i++) {
            SimOs p = machine.spawn();
            Mapping pm = map(p, PROT_READ | PROT_WRITE);
            Semaphore ps = p.semAt(pm, 0);
            all.add(Blocking.inBackground(() -> {
                for (int r = 0; r < rounds; r++) {
                    p.semWait(ps);
                    pm.putInt(128, pm.getInt(128) + 1);
                    p.semPost(ps);
                }
            }));
        }
        for (CompletableFuture<Void> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(processes * rounds, m.getInt(128));
        assertEquals(1, a.semGetvalue(mutex));
    }

    @Test
    void misalignedSemaphoresWorkAsOnX86AndASpinningWaiterStillGetsIn() throws Exception {
        Mapping ma = map(a, PROT_READ | PROT_WRITE);
        Mapping mb = map(b, PROT_READ | PROT_WRITE);
        for (long offset : new long[] {4, 1}) {
            Semaphore sa = a.semInit(ma, offset, true, 1);
            assertTrue(a.semTrywait(sa));
            Semaphore sb = b.semAt(mb, offset);
            CompletableFuture<Void> waiter = Blocking.inBackground(() -> b.semWait(sb));
            while (mb.getByte(offset + SemT.NWAITERS_OFFSET) == 0) {
                Thread.onSpinWait();
            }
            a.semPost(sa);
            waiter.get(30, TimeUnit.SECONDS);
            assertEquals(0, a.semGetvalue(sa));
        }
        assertTrue(machine.misuseReports().stream().anyMatch(r -> r.contains("not 4-byte aligned")),
                machine.misuseReports().toString());
        assertEquals(1, machine.misuseReports().size(), "offset 4 is a valid futex word: " + machine.misuseReports());
    }

    @Test
    void aSemaphoreRunningPastItsMappingFaultsOnlyInTheFieldsGlibcTouches() {
        Mapping small = a.mmapAnonymous(40, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore tail = a.semInit(small, Limits.PAGE_SIZE - 16, true, 1);
        assertTrue(a.semTrywait(tail), "data and private inside the page: its unused tail may lie outside");
        long onlyData = Limits.PAGE_SIZE - 8;
        io.shmlab.api.MemoryFault f = assertThrows(SegmentationFault.class, () -> a.semInit(small, onlyData, true, 1));
        assertEquals(io.shmlab.api.FaultKind.NOT_MAPPED, f.kind());
        assertEquals(small.address() + Limits.PAGE_SIZE, f.address(), "private, the first byte outside the mapping's page");
        assertEquals(1, small.getLong(onlyData), "the value was stored before private faulted");
        Semaphore inside = a.semInit(small, 16, true, 1);
        assertTrue(a.semTrywait(inside), "past the 40 bytes asked, but inside the page the kernel mapped");
        assertThrows(SegmentationFault.class, () -> a.semPost(a.semAt(small, onlyData)));
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> a.semInit(small, onlyData, true, Limits.SEM_VALUE_MAX + 1L)).errno(),
                "glibc checks the value first");
    }

    @Test
    void semInitOnlyStoresSoAReadOnlyEmptyObjectIsSigsegvNotSigbus() {
        OpenFile fd = a.shmOpen("/empty", O_CREAT | O_RDWR, 0600);
        Mapping ro = a.mmap(100, PROT_READ, MAP_SHARED, fd, 0);
        SegmentationFault f = assertThrows(SegmentationFault.class, () -> a.semInit(ro, 0, true, 0));
        assertEquals(io.shmlab.api.FaultKind.PROTECTION, f.kind());
        Mapping rw = a.mmap(100, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertThrows(io.shmlab.api.BusError.class, () -> a.semInit(rw, 0, true, 0));
        long faults = a.process().space().minorFaults();
        a.semDestroy(a.semAt(rw, 0));
        assertEquals(faults, a.process().space().minorFaults(), "sem_destroy touches nothing");
    }
}
