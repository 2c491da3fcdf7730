package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages are allocated on first touch, and counted per process. */
class MemoryAccountingTest {
    private static final long GIB = 1L << 30;

    private final SimMachine machine = SimMachine.builder().build();

    @AfterEach
    void close() {
        machine.close();
    }

    private ProcessInfo info(SimOs os) {
        return machine.ps().stream().filter(p -> p.pid() == os.pid()).findFirst().orElseThrow();
    }

    @Test
    void aGibibyteObjectWithOnePageTouchedCostsOnePage() {
        SimOs os = machine.spawn();
        OpenFile fd = os.shmOpen("/big", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, GIB);
        Mapping m = os.mmap(GIB, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.putLong(GIB - 8, 123);
        assertEquals(123, m.getLong(GIB - 8));
        assertEquals(GIB, os.fstat(fd).size());
        assertEquals(4096, machine.kernel().residentBytes());
        assertEquals(1, info(os).residentPages());
        assertEquals(1, machine.kernel().shmObject("big").residentPages());
    }

    @Test
    void aMinorFaultIsCountedOnTheFirstTouchOfAPageInEachProcess() {
        SimOs a = machine.spawn();
        SimOs b = machine.spawn();
        OpenFile fa = a.shmOpen("/faults", O_CREAT | O_RDWR, 0600);
        a.ftruncate(fa, 3 * 4096);
        Mapping ma = a.mmap(3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fa, 0);
        Mapping mb = b.mmap(3 * 4096, PROT_READ, MAP_SHARED, b.shmOpen("/faults", O_RDWR, 0), 0);
        ma.putInt(0, 1);
        ma.putInt(8, 2);
        ma.putInt(4096, 3);
        assertEquals(2, info(a).minorFaults());
        assertEquals(0, info(b).minorFaults());
        assertEquals(1, mb.getInt(0));
        mb.getInt(2 * 4096);
        assertEquals(2, info(b).minorFaults());
        assertEquals(2, info(b).residentPages());
        assertEquals(3, machine.kernel().shmObject("faults").residentPages());
    }

    @Test
    void psListsTheMappingsOfAProcess() {
        SimOs os = machine.spawn();
        OpenFile fd = os.shmOpen("/listed", O_CREAT | O_RDWR, 0600);
        Mapping m = os.mmap(100, PROT_READ, MAP_SHARED, fd, 0);
        Mapping anon = os.mmapAnonymous(8192, PROT_READ | PROT_WRITE, MAP_SHARED);
        ProcessInfo p = info(os);
        assertEquals(1000, p.uid());
        assertTrue(p.mappings().contains(new MappingInfo(m.address(), 100, PROT_READ, MAP_SHARED, "/listed", 0, 0, 0)));
        assertTrue(p.mappings().stream().anyMatch(i -> i.address() == anon.address() && i.objectName() == null));
        assertTrue(p.mappings().stream().anyMatch(i -> io.shmlab.sim.kernel.Kernel.C_LIBRARY_PATH.equals(i.objectName())),
                "every process starts with the C library mapped, as in /proc/PID/maps");
        assertEquals(m.address(), anon.address() + 8192, "mappings are packed top-down");
    }
}
