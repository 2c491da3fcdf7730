package io.shmlab.sim;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.Limits;
import io.shmlab.api.PosixException;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.layout.SemT;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NamedSemaphoreTest {
    private final SimMachine machine = SimMachine.builder().spuriousEintr(true).build();
    private final SimOs a = machine.spawn();
    private final SimOs b = machine.spawn();

    @AfterEach
    void close() {
        machine.close();
    }

    private static Errno errno(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(PosixException.class, call).errno();
    }

    @Test
    void aNamedSemaphoreIsAFileInDevShm() {
        a.semOpen("/mutex", O_CREAT, 0600, 1);
        assertEquals(List.of("sem.mutex"), machine.listShm());
        var fd = a.shmOpen("/sem.mutex", O_RDWR, 0);
        assertEquals(new FileStatus(SemT.SIZE, 0600, 1000), a.fstat(fd));
    }

    @Test
    void twoProcessesMeetOnTheSameSemaphoreAtDifferentAddresses() throws Exception {
        Semaphore sa = a.semOpen("/meet", O_CREAT, 0600, 0);
        Semaphore sb = b.semOpen("/meet", 0);
        assertNotEquals(sa.address(), sb.address());
        CompletableFuture<Void> waiter = Blocking.inBackground(() -> b.semWait(sb));
        Blocking.awaitBlocked(machine, b);
        a.semPost(sa);
        waiter.get(30, TimeUnit.SECONDS);
        assertEquals(0, a.semGetvalue(sa));
    }

    @Test
    void openingTwiceInOneProcessGivesTheSamePointer() {
        Semaphore first = a.semOpen("/twice", O_CREAT, 0600, 3);
        Semaphore second = a.semOpen("/twice", O_CREAT, 0600, 0);
        assertEquals(first.address(), second.address());
        assertEquals(3, a.semGetvalue(second), "an existing semaphore keeps its value");
        a.semClose(first);
        assertEquals(3, a.semGetvalue(second), "still mapped: one reference is left");
        a.semClose(second);
        assertThrows(SegmentationFault.class, () -> a.semGetvalue(second), "the last close unmaps it");
        assertEquals(Errno.EINVAL, errno(() -> a.semClose(second)));
    }

    @Test
    void useAfterTheLastCloseIsReportedAndFaultsAsOnLinux() {
        Semaphore s = a.semOpen("/closed", O_CREAT, 0600, 1);
        a.semClose(s);
        assertThrows(SegmentationFault.class, () -> a.semWait(s));
        assertTrue(machine.misuseReports().stream().anyMatch(r -> r.contains("after sem_close")),
                machine.misuseReports().toString());
    }

    @Test
    void openErrorsAreGlibcs() {
        a.semOpen("/x", O_CREAT, 0600, 0);
        assertEquals(Errno.EEXIST, errno(() -> a.semOpen("/x", O_CREAT | O_EXCL, 0600, 0)));
        assertEquals(Errno.ENOENT, errno(() -> a.semOpen("/missing", 0)));
        assertEquals(Errno.EINVAL, errno(() -> a.semOpen("/big", O_CREAT, 0600, Limits.SEM_VALUE_MAX + 1L)));
        assertEquals(Errno.EINVAL, errno(() -> a.semOpen("/x", O_CREAT | O_EXCL, 0600, Limits.SEM_VALUE_MAX + 1L)),
                "glibc checks the value before it finds the name taken");
        a.semOpen("/x", O_CREAT, 0600, Limits.SEM_VALUE_MAX + 1L);
        assertEquals(Errno.EINVAL, errno(() -> a.semOpen("", O_CREAT, 0600, 0)));
        assertEquals(Errno.EINVAL, errno(() -> a.semOpen("/a/b", O_CREAT, 0600, 0)));
        int longest = ShmNamespace.SEMAPHORE_NAME_MAX;
        int pastGlibc = ShmNamespace.GLIBC_FILE_NAME_LIMIT - ShmNamespace.SEMAPHORE_PREFIX.length();
        assertEquals(Errno.ENAMETOOLONG, errno(() -> a.semOpen("/" + "n".repeat(longest + 1), O_CREAT, 0600, 0)));
        assertEquals(Errno.EINVAL, errno(() -> a.semOpen("/" + "n".repeat(pastGlibc), O_CREAT, 0600, 0)));
        a.semOpen("/" + "n".repeat(longest), O_CREAT, 0600, 0);
        assertEquals(Errno.EACCES, errno(() -> machine.spawn(1001).semOpen("/x", 0)));
    }

    @Test
    void unlinkRemovesTheNameWhileTheSemaphoreLivesOn() {
        Semaphore s = a.semOpen("/gone", O_CREAT, 0600, 0);
        a.semUnlink("/gone");
        assertEquals(List.of(), machine.listShm());
        a.semPost(s);
        assertEquals(1, a.semGetvalue(s));
        assertEquals(Errno.ENOENT, errno(() -> a.semUnlink("/gone")));
        assertEquals(Errno.ENOENT, errno(() -> a.semUnlink("")));
        Semaphore fresh = a.semOpen("/gone", O_CREAT, 0600, 0);
        assertEquals(0, a.semGetvalue(fresh), "a new semaphore under the old name");
    }

    @Test
    void spuriousInterruptionsAreRetriedInsideTheCall() throws Exception {
        Semaphore sa = a.semOpen("/eintr", O_CREAT, 0600, 0);
        Semaphore sb = b.semOpen("/eintr", 0);
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Void> waiter = Blocking.inBackground(() -> b.semWait(sb));
            Blocking.awaitBlocked(machine, b);
            a.semPost(sa);
            waiter.get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, a.semGetvalue(sa));
    }
}
