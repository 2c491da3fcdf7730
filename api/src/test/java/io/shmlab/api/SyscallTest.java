package io.shmlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Footprint.Resource;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyscallTest {

    @Test
    void everyCNameIsSpelledOnceAndFoundAgain() {
        Set<String> names = new HashSet<>();
        for (Syscall s : Syscall.values()) {
            assertTrue(names.add(s.cName()), "two calls named " + s.cName());
            assertEquals(s, Syscall.ofCName(s.cName()));
            assertEquals(s.cName(), s.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Syscall.ofCName("futex"));
    }

    @Test
    void blockingAndWakingAreEffectsOfTheirCalls() {
        assertTrue(Syscall.SEM_WAIT.has(Syscall.Effect.BLOCKS));
        assertFalse(Syscall.SEM_TRYWAIT.has(Syscall.Effect.BLOCKS));
        assertTrue(Syscall.SEM_POST.has(Syscall.Effect.WAKES));
        assertTrue(Syscall.FORK.has(Syscall.Effect.CREATES_PROCESS));
        assertTrue(Syscall.WAITPID.has(Syscall.Effect.WAITS_FOR_PROCESS));
        assertTrue(Syscall.EXIT.effects().contains(Syscall.Effect.ENDS_PROCESS));
        assertFalse(Syscall.GETPID.scheduled());
        assertEquals(Syscall.Kind.ACCESS, Syscall.STORE.kind());
    }

    @Test
    void twoSemaphoreOperationsConflictButTwoReadsOfOneCommute() {
        assertTrue(Syscall.SEM_POST.footprint().conflictsWith(Syscall.SEM_WAIT.footprint()));
        assertFalse(Syscall.SEM_GETVALUE.footprint().conflictsWith(Syscall.SEM_GETVALUE.footprint()));
        assertFalse(Syscall.SEM_POST.footprint().conflictsWith(Syscall.SHM_OPEN.footprint()), "other resources");
    }

    @Test
    void whatOnlyTheProcessItselfSeesCommutesWithEverything() {
        assertFalse(Syscall.WRITE.footprint().conflictsWith(Syscall.WRITE.footprint()), "each its own console");
        assertFalse(Syscall.MMAP.footprint().conflictsWith(Syscall.MUNMAP.footprint()));
    }

    @Test
    void differentNamesCommuteAndUnknownOnesConflict() {
        Footprint a = new Footprint(Resource.NAMES, Access.WRITE, "/a", 0, 0);
        Footprint b = new Footprint(Resource.NAMES, Access.WRITE, "/b", 0, 0);
        assertFalse(a.conflictsWith(b));
        assertTrue(a.conflictsWith(a));
        assertTrue(a.conflictsWith(Syscall.SHM_UNLINK.footprint()));
    }

    @Test
    void aMemoryAccessIsARangeReadOrWritten() {
        Footprint store = Footprint.range(Access.WRITE, 0x7f0000000000L, 4);
        assertTrue(store.conflictsWith(Footprint.range(Access.READ, 0x7f0000001000L, 4)),
                "addresses of two processes cannot be compared");
        assertFalse(Footprint.range(Access.READ, 0, 4).conflictsWith(Footprint.range(Access.READ, 0, 4)));
        assertEquals("writes MEMORY [0x7f0000000000, +4)", store.toString());
    }
}
