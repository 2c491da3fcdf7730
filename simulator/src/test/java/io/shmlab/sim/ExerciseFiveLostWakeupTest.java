package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.SemT;
import io.shmlab.api.layout.StructLayout;
import io.shmlab.sim.kernel.DirectDispatcher;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's Exercise 5: the process that creates {@code /myData} sem_inits the semaphore in it; the
 * other one only opens it. If the other one gets to sem_wait first, it waits on zeroed memory; the
 * creator's sem_init then overwrites the waiter count, its post wakes nobody, and the first process
 * sleeps forever. The calls are ordered from the test thread, so it happens every time.
 */
class ExerciseFiveLostWakeupTest {
    /** {@code struct myData { sem_t sem; int counter; }}. */
    private static final StructLayout MY_DATA = StructLayout.builder("myData")
            .field("sem", CType.SEM_T)
            .field("counter", CType.INT)
            .build();

    private final SimMachine machine = SimMachine.builder().seed(5).build();

    @AfterEach
    void close() {
        machine.close();
    }

    /** The exercise's opening: create exclusively, or else open; true for the creator. */
    private static boolean createOrOpen(SimOs os, Mapping[] mapped) {
        OpenFile fd;
        boolean created;
        try {
            fd = os.shmOpen("/myData", O_CREAT | O_EXCL | O_RDWR, 0600);
            os.ftruncate(fd, MY_DATA.size());
            created = true;
        } catch (PosixException e) {
            assertEquals(Errno.EEXIST, e.errno());
            fd = os.shmOpen("/myData", O_RDWR, 0);
            created = false;
        }
        mapped[0] = os.mmap(MY_DATA.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        return created;
    }

    @Test
    void semInitOverAWaiterLosesItsWakeup() throws Exception {
        SimOs a = machine.spawn();
        SimOs b = machine.spawn();
        Mapping[] ma = new Mapping[1];
        Mapping[] mb = new Mapping[1];
        assertTrue(createOrOpen(a, ma), "A creates /myData");
        assertFalse(createOrOpen(b, mb), "B only opens it");

        Semaphore semB = b.semAt(mb[0], MY_DATA.offsetOf("sem"));
        CompletableFuture<Void> bWaits = Blocking.inBackground(() -> {
            b.semWait(semB);
            b.println("I'm alone here!");
        });
        Blocking.awaitBlocked(machine, b);
        assertEquals(1, ma[0].getInt(MY_DATA.offsetOf("sem") + SemT.NWAITERS_OFFSET),
                "B registered as a waiter in the shared sem_t");

        Semaphore semA = a.semInit(ma[0], MY_DATA.offsetOf("sem"), true, 1);
        assertEquals(0, ma[0].getInt(MY_DATA.offsetOf("sem") + SemT.NWAITERS_OFFSET),
                "sem_init wrote data = 1: the waiter count is gone");
        a.semWait(semA);
        a.println("I'm alone here!");
        a.semPost(semA);

        assertEquals(1, a.semGetvalue(semA), "the token is there...");
        assertFalse(bWaits.isDone(), "...but B was never woken");
        assertTrue(((DirectDispatcher) machine.dispatcher()).blockedForever(b.pid()));
        assertEquals("I'm alone here!\n", a.process().console().contents());
        assertEquals("", b.process().console().contents());
        assertTrue(machine.misuseReports().stream().anyMatch(r -> r.contains("sem_init") && r.contains("1 waiter")),
                machine.misuseReports().toString());
        assertTrue(machine.misuseReports().stream().anyMatch(r -> r.contains("never initialised")),
                machine.misuseReports().toString());
    }

    @Test
    void whenTheCreatorInitialisesFirstBothGetIn() throws Exception {
        SimOs a = machine.spawn();
        SimOs b = machine.spawn();
        Mapping[] ma = new Mapping[1];
        Mapping[] mb = new Mapping[1];
        createOrOpen(a, ma);
        Semaphore semA = a.semInit(ma[0], MY_DATA.offsetOf("sem"), true, 1);
        createOrOpen(b, mb);
        Semaphore semB = b.semAt(mb[0], MY_DATA.offsetOf("sem"));
        a.semWait(semA);
        CompletableFuture<Void> bWaits = Blocking.inBackground(() -> b.semWait(semB));
        Blocking.awaitBlocked(machine, b);
        a.semPost(semA);
        bWaits.get(30, java.util.concurrent.TimeUnit.SECONDS);
        b.semPost(semB);
        assertEquals(1, a.semGetvalue(semA));
        assertTrue(machine.misuseReports().isEmpty(), machine.misuseReports().toString());
    }

    @Test
    void aDeadlockedRunIsReportedBlockedInSemWait() {
        var report = machine.run(io.shmlab.api.ProgramSpec.of(WaitsForever.class),
                io.shmlab.api.RunOptions.of(2));
        assertTrue(report.blocked());
        for (var p : report.processes()) {
            var blocked = assertInstanceOfBlocked(p.ending());
            assertTrue(blocked.call().startsWith("sem_wait"), blocked.call());
        }
    }

    private static io.shmlab.api.Ending.Blocked assertInstanceOfBlocked(io.shmlab.api.Ending e) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(io.shmlab.api.Ending.Blocked.class, e);
    }

    /** Every process waits on a named semaphore of value 0 that nobody posts. */
    public static final class WaitsForever implements io.shmlab.api.Program {
        @Override
        public int main(io.shmlab.api.Os os) {
            Semaphore s = os.semOpen("/never", O_CREAT, 0600, 0);
            os.semWait(s);
            return 0;
        }
    }
}
