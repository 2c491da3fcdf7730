package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Ending;
import io.shmlab.api.Errno;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForkAndPrivateMappingTest {
    private final SimMachine machine = SimMachine.builder().build();

    @AfterEach
    void close() {
        machine.close();
    }

    @Test
    void aPrivateMappingCopiesOnWrite() {
        SimOs os = machine.spawn();
        OpenFile fd = os.shmOpen("/cow", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, 4096);
        Mapping shared = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Mapping priv = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        shared.putInt(0, 1);
        assertEquals(1, priv.getInt(0), "before its first store a private page shows the object");
        priv.putInt(0, 2);
        assertEquals(1, shared.getInt(0), "a private store stays private");
        assertEquals(2, priv.getInt(0));
        shared.putInt(0, 3);
        assertEquals(2, priv.getInt(0), "after the copy the object's changes are not seen");
    }

    @Test
    void aChildHasTheParentsMappingsAtTheSameAddresses() {
        SimProcess parent = machine.launch("parent", os -> {
            OpenFile fd = os.shmOpen("/fork", O_CREAT | O_RDWR, 0600);
            os.ftruncate(fd, 4096);
            Mapping shared = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            Mapping priv = os.mmapAnonymous(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE);
            shared.putInt(0, 10);
            priv.putInt(0, 20);
            int child = os.fork(c -> {
                Mapping mine = c.mappingAt(shared.address());
                c.println("child sees shared " + mine.getInt(0) + " at the same address "
                        + (mine.address() == shared.address()));
                c.println("child sees private " + priv.getInt(0));
                shared.putInt(0, 11);
                priv.putInt(0, 21);
                c.ftruncate(fd, 8192);
                return 7;
            });
            int status = os.waitpid(child);
            os.println("status " + status + ", shared " + shared.getInt(0) + ", private " + priv.getInt(0)
                    + ", size " + os.fstat(fd).size());
            return 0;
        });
        assertEquals(new Ending.Exited(0), parent.awaitEnd(Duration.ofSeconds(10)).orElseThrow());
        assertEquals("status 7, shared 11, private 20, size 8192\n", parent.output());
        KernelChildOutput child = childOutput();
        assertEquals("child sees shared 10 at the same address true\nchild sees private 20\n", child.text);
    }

    private record KernelChildOutput(String text) {
    }

    private KernelChildOutput childOutput() {
        var child = machine.kernel().allProcesses().stream().filter(p -> p.parentPid() != 0).findFirst().orElseThrow();
        return new KernelChildOutput(child.console().contents());
    }

    @Test
    void waitpidOnANonChildIsEchild() {
        SimOs os = machine.spawn();
        SimOs other = machine.spawn();
        assertEquals(Errno.ECHILD, assertThrows(PosixException.class, () -> os.waitpid(other.pid())).errno());
    }

    @Test
    void aChildKilledByAFaultIsReportedToWaitpidAs128PlusTheSignal() {
        SimProcess parent = machine.launch("parent", os -> {
            int child = os.fork(c -> c.mmapAnonymous(10, PROT_READ, MAP_PRIVATE).getInt(8192));
            return os.waitpid(child) == 128 + 11 ? 0 : 1;
        });
        assertEquals(new Ending.Exited(0), parent.awaitEnd(Duration.ofSeconds(10)).orElseThrow());
    }
}
