package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Mapping;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.SemT;
import io.shmlab.sim.kernel.DirectDispatcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Undefined behaviour is reported, and the outcome stays what Linux gives. */
class SemaphoreMisuseTest {
    private final SimMachine machine = SimMachine.builder().build();
    private final SimOs os = machine.spawn();

    @AfterEach
    void close() {
        machine.close();
    }

    private boolean reported(String fragment) {
        return machine.misuseReports().stream().anyMatch(r -> r.contains(fragment));
    }

    @Test
    void postOnMemoryNeverInitialisedIsReportedAndStillCounts() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore s = os.semAt(m, 0);
        os.semPost(s);
        assertEquals(1, os.semGetvalue(s), "glibc just increments the zero it finds");
        assertTrue(reported("sem_post") && reported("never initialised"), machine.misuseReports().toString());
        assertTrue(((DirectDispatcher) machine.dispatcher()).warnings().size() >= 1, "the trace got it too");
    }

    @Test
    void useAfterDestroyIsReportedAndStillWorks() {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore s = os.semInit(m, 0, true, 1);
        os.semDestroy(s);
        os.semWait(s);
        assertEquals(0, os.semGetvalue(s));
        assertTrue(reported("destroyed by sem_destroy"), machine.misuseReports().toString());
    }

    @Test
    void destroyWithWaitersIsReportedAndTheWaiterSleepsOn() throws Exception {
        Mapping m = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
        Semaphore s = os.semInit(m, 0, true, 0);
        int[] child = new int[1];
        CompletableFuture<Void> parent = Blocking.inBackground(() -> child[0] = os.fork(c -> {
            c.semWait(s);
            return 0;
        }));
        parent.get(30, TimeUnit.SECONDS);
        SimProcess waiter = new SimProcess(machine.kernel().process(child[0]));
        while (m.getInt(SemT.NWAITERS_OFFSET) == 0) {
            Thread.onSpinWait();
        }
        os.semDestroy(s);
        assertTrue(reported("sem_destroy") && reported("1 waiter"), machine.misuseReports().toString());
        assertTrue(waiter.awaitEnd(java.time.Duration.ZERO).isEmpty());
        os.semPost(s);
        assertEquals(new io.shmlab.api.Ending.Exited(0),
                waiter.awaitEnd(java.time.Duration.ofSeconds(30)).orElseThrow(), "glibc's destroy changed nothing");
    }
}
