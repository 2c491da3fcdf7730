package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Errno;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import io.shmlab.api.SyncFlags;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Why the seed says msync before munmap: a crash keeps only what was written back. */
class RegularFileTest {
    private final SimMachine machine = SimMachine.builder().build();

    @AfterEach
    void close() {
        machine.close();
    }

    private static Mapping mapFile(SimOs os) {
        OpenFile fd = os.open("/tmp/data", O_CREAT | O_RDWR, 0644);
        os.ftruncate(fd, 2 * 4096);
        return os.mmap(2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }

    @Test
    void sharedWritesAreVisibleToOtherMappersAtOnce() {
        Mapping a = mapFile(machine.spawn());
        Mapping b = mapFile(machine.spawn());
        a.putInt(0, 99);
        assertEquals(99, b.getInt(0));
    }

    @Test
    void aCrashKeepsWhatMsyncWroteAndLosesTheRest() {
        SimOs os = machine.spawn();
        Mapping m = mapFile(os);
        os.shmOpen("/lost", O_CREAT | O_RDWR, 0600);
        m.putInt(0, 1);
        m.putInt(4096, 2);
        os.msync(m, 0, 4096, SyncFlags.MS_SYNC);
        m.putInt(0, 3);
        os.msync(m, 4096, 4096, SyncFlags.MS_ASYNC);

        machine.crash();

        SimOs after = machine.spawn();
        Mapping again = mapFile(after);
        assertEquals(1, again.getInt(0), "the synced value, not the later store");
        assertEquals(0, again.getInt(4096), "MS_ASYNC's write-back had not run");
        assertEquals(List.of(), machine.listShm(), "/dev/shm is memory: it is empty after a power loss");
    }

    @Test
    void msyncChecksItsArgumentsAsLinuxDoes() {
        SimOs os = machine.spawn();
        Mapping m = mapFile(os);
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.msync(m, 100, 10, SyncFlags.MS_SYNC)).errno());
        assertEquals(Errno.EINVAL, assertThrows(PosixException.class,
                () -> os.msync(m, 0, 10, SyncFlags.MS_SYNC | SyncFlags.MS_ASYNC)).errno());
        // Linux would run on into a neighbouring mapping; the api holds msync to the mapping itself
        assertEquals(Errno.ENOMEM, assertThrows(PosixException.class,
                () -> os.msync(m, 0, 3 * 4096, SyncFlags.MS_SYNC)).errno(), "past the mapping's pages");
        assertEquals(Errno.ENOMEM, assertThrows(PosixException.class,
                () -> os.msync(m, 0, 1L << 30, SyncFlags.MS_SYNC)).errno(), "past every mapping");
        os.msync(m, 0, 0, SyncFlags.MS_SYNC);
        os.msync(m, 0, -1, SyncFlags.MS_SYNC);
        assertEquals(Errno.ENOMEM, assertThrows(PosixException.class,
                () -> os.msync(m, 0, -8192, SyncFlags.MS_SYNC)).errno(), "wraps past the top of the address space");
        os.munmap(m);
        os.msync(m, 0, 0, SyncFlags.MS_SYNC);
        assertEquals(Errno.ENOMEM, assertThrows(PosixException.class,
                () -> os.msync(m, 0, 10, SyncFlags.MS_SYNC)).errno());
    }
}
