package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_ANONYMOUS;
import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.Mapping;
import io.shmlab.api.Timespec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Process-level calls: getpid(2), clock_gettime(2), nanosleep(2), and fork(2) / waitpid(2) where the
 * backend can fork (the simulator; a JVM cannot fork, so the native backend answers ENOSYS).
 */
public abstract class ProcessContract extends ContractSupport {

    @Test
    void theClockMovesForwardAcrossASleep() {
        Timespec before = os.clockGettime();
        os.sleep(Duration.ofMillis(5));
        Timespec after = os.clockGettime();
        assertTrue(after.toNanos() - before.toNanos() >= 5_000_000L, before + " then " + after);
        assertTrue(before.valid() && after.valid());
    }

    @Test
    void aPidIsPositive() {
        assertTrue(os.pid() > 0);
    }

    @Test
    void forkIsEnosysWhereTheBackendCannotFork() {
        assumeFalse(machine.backend().canFork(), "this backend forks");
        assertErrno(Errno.ENOSYS, () -> os.fork(child -> 0));
        assertErrno(Errno.ECHILD, () -> os.waitpid(12345));
    }

    @Test
    void aForkedChildSharesSharedMappingsAtTheSameAddressAndCopiesPrivateOnes() {
        assumeTrue(machine.backend().canFork(), "this backend cannot fork");
        Mapping shared = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS);
        Mapping copied = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
        copied.putInt(0, 1);
        long sharedAddress = shared.address();
        int parent = os.pid();
        int child = os.fork(me -> {
            Mapping mine = me.mappingAt(sharedAddress);
            mine.putInt(0, me.pid());
            me.mappingAt(copied.address()).putInt(0, 2);
            return me.pid() == parent ? 1 : 7;
        });
        assertEquals(7, os.waitpid(child));
        assertEquals(child, shared.getInt(0), "the child's store is seen through the shared mapping");
        assertEquals(1, copied.getInt(0), "the child's store to a private mapping stays in the child");
        assertErrno(Errno.ECHILD, () -> os.waitpid(child));
    }
}
