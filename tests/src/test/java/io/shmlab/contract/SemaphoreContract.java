package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Timespec;
import io.shmlab.api.layout.SemT;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Semaphores, named (sem_open(3), sem_close(3), sem_unlink(3)) and unnamed in shared memory
 * (sem_init(3), sem_destroy(3)), and their operations, as glibc 2.36 gives them on Linux.
 */
public abstract class SemaphoreContract extends ContractSupport {

    @Test
    void namedSemaphoreStartsAtItsValueAndCounts() {
        Semaphore sem = os.semOpen(semName("count"), O_CREAT, 0600, 2);
        assertEquals(2, os.semGetvalue(sem));
        assertTrue(os.semTrywait(sem));
        assertTrue(os.semTrywait(sem));
        assertFalse(os.semTrywait(sem), "trywait on zero returns false where C gets EAGAIN");
        os.semPost(sem);
        assertEquals(1, os.semGetvalue(sem));
        os.semWait(sem);
        assertEquals(0, os.semGetvalue(sem));
        os.semClose(sem);
    }

    @Test
    void namedSemaphoreAppearsAsSemDotNameAndGoesWithUnlink() {
        String name = semName("listed");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 0);
        assertTrue(machine.listShm().contains(ShmNamespace.semaphoreFile(name)), machine.listShm().toString());
        os.semUnlink(name);
        assertFalse(machine.listShm().contains(ShmNamespace.semaphoreFile(name)));
        os.semPost(sem);
        assertEquals(1, os.semGetvalue(sem), "an unlinked semaphore lives on while open");
        os.semClose(sem);
        assertErrno(Errno.ENOENT, () -> os.semUnlink(name));
    }

    @Test
    void exclusiveCreateOfAnExistingSemaphoreFailsWithEexist() {
        String name = semName("excl");
        Semaphore sem = os.semOpen(name, O_CREAT | O_EXCL, 0600, 1);
        PosixException e = assertErrno(Errno.EEXIST, () -> os.semOpen(name, O_CREAT | O_EXCL, 0600, 1));
        assertEquals("sem_open", e.call());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        os.semClose(sem);
    }

    @Test
    void openingWithoutCreateSeesTheSameSemaphore() {
        String name = semName("same");
        Semaphore a = os.semOpen(name, O_CREAT, 0600, 0);
        Os other = machine.spawn();
        Semaphore b = other.semOpen(name, 0);
        other.semPost(b);
        assertTrue(os.semTrywait(a));
        other.semClose(b);
        os.semClose(a);
    }

    @Test
    void semOpenErrorsAreGlibcs() {
        assertErrno(Errno.ENOENT, () -> os.semOpen(semName("missing"), 0));
        assertErrno(Errno.EINVAL, () -> os.semOpen(semName("big"), O_CREAT, 0600, Limits.SEM_VALUE_MAX + 1L));
        assertErrno(Errno.EINVAL, () -> os.semOpen("", O_CREAT, 0600, 0));
        assertErrno(Errno.EINVAL, () -> os.semOpen("/a/b", O_CREAT, 0600, 0));
        assertErrno(Errno.EINVAL, () -> os.semOpen("/", O_CREAT, 0600, 0));
    }

    @Test
    void postAtTheMaximumFailsWithEoverflow() {
        Semaphore sem = os.semOpen(semName("max"), O_CREAT, 0600, Limits.SEM_VALUE_MAX);
        assertErrno(Errno.EOVERFLOW, () -> os.semPost(sem));
        assertEquals(Limits.SEM_VALUE_MAX, os.semGetvalue(sem));
        os.semClose(sem);
    }

    @Test
    void timedwaitReturnsFalseWhenTheDeadlinePasses() {
        Semaphore sem = os.semOpen(semName("timed"), O_CREAT, 0600, 0);
        assertFalse(os.semTimedwait(sem, new Timespec(0, 0)), "a deadline in the past times out at once");
        Timespec soon = os.clockGettime().plus(Duration.ofMillis(20));
        assertFalse(os.semTimedwait(sem, soon));
        Timespec now = os.clockGettime();
        assertTrue(now.toNanos() >= soon.toNanos(), "it waited until the deadline");
        os.semPost(sem);
        assertTrue(os.semTimedwait(sem, new Timespec(0, 0)), "an available semaphore is taken at once");
        os.semClose(sem);
    }

    @Test
    void timedwaitWithBadNanosecondsIsEinvalEvenWhenAvailable() {
        Semaphore sem = os.semOpen(semName("badns"), O_CREAT, 0600, 1);
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(0, 1_000_000_000L)));
        assertErrno(Errno.EINVAL, () -> os.semTimedwait(sem, new Timespec(0, -1)));
        assertEquals(1, os.semGetvalue(sem), "nothing was taken");
        os.semClose(sem);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void postWakesAWaiterOfAnotherProcess() throws Exception {
        String name = semName("wake");
        Semaphore sem = os.semOpen(name, O_CREAT, 0600, 0);
        Os waiterProcess = machine.spawn();
        Semaphore theirs = waiterProcess.semOpen(name, 0);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            waiterProcess.semWait(theirs);
            return true;
        });
        os.semPost(sem);
        assertTrue(waiter.get(20, TimeUnit.SECONDS));
        assertEquals(0, os.semGetvalue(sem));
        waiterProcess.semClose(theirs);
        os.semClose(sem);
    }

    @Test
    void unnamedSemaphoreInSharedMemoryIsSharedBetweenProcesses() {
        String name = shmName("unnamed");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        Mapping mine = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(mine, 64, true, 1);
        assertEquals(mine.address() + 64, sem.address());
        assertEquals(1, os.semGetvalue(sem));

        Os other = machine.spawn();
        OpenFile theirFd = other.shmOpen(name, O_RDWR, 0);
        Mapping theirs = other.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, theirFd, 0);
        Semaphore theirSem = other.semAt(theirs, 64);
        assertTrue(other.semTrywait(theirSem));
        assertFalse(os.semTrywait(sem));
        os.semPost(sem);
        assertEquals(1, other.semGetvalue(theirSem));
        assertEquals(1, mine.getInt(64 + SemT.VALUE_OFFSET), "glibc keeps the value in the first word of the sem_t");

        os.semDestroy(sem);
        other.munmap(theirs);
        other.close(theirFd);
        os.munmap(mine);
        os.close(fd);
    }

    @Test
    void semInitChecksTheValue() {
        OpenFile fd = os.shmOpen(shmName("initbig"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        assertErrno(Errno.EINVAL, () -> os.semInit(m, 0, true, Limits.SEM_VALUE_MAX + 1L));
        Semaphore max = os.semInit(m, SemT.SIZE, true, Limits.SEM_VALUE_MAX);
        assertErrno(Errno.EOVERFLOW, () -> os.semPost(max));
        os.munmap(m);
        os.close(fd);
    }
}
