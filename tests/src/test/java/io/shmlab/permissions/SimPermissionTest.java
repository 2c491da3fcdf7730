package io.shmlab.permissions;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Errno;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.sim.SimMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * On the simulator, users as on Linux: an object and a named semaphore created 0600 by uid 1000
 * refuse uid 1001 with EACCES (shm_open, sem_open), let root (uid 0) in, and are created with the
 * creator's umask taken out of the mode.
 */
class SimPermissionTest {
    private static final int OWNER = 1000;
    private static final int STRANGER = 1001;
    private static final int ROOT = 0;

    private final SimMachine machine = SimMachine.builder().build();

    @AfterEach
    void shutDown() {
        machine.close();
    }

    private static void assertErrno(Errno expected, Executable call) {
        PosixException e = assertThrows(PosixException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    @Test
    void anObjectCreated0600RefusesAnotherUserAndLetsRootIn() {
        Os owner = machine.spawn(OWNER);
        OpenFile fd = owner.shmOpen("/private", O_RDWR | O_CREAT | O_EXCL, 0600);
        owner.ftruncate(fd, 64);
        Os stranger = machine.spawn(STRANGER);
        assertErrno(Errno.EACCES, () -> stranger.shmOpen("/private", O_RDWR, 0));
        assertErrno(Errno.EACCES, () -> stranger.shmOpen("/private", O_RDONLY, 0));
        assertErrno(Errno.EACCES, () -> stranger.shmOpen("/private", O_RDWR | O_CREAT, 0600));
        assertErrno(Errno.EACCES, () -> stranger.shmUnlink("/private"));
        Os root = machine.spawn(ROOT);
        OpenFile rootFd = root.shmOpen("/private", O_RDWR, 0);
        assertEquals(64, root.fstat(rootFd).size());
        assertEquals(OWNER, root.fstat(rootFd).uid());
        root.close(rootFd);
        owner.close(fd);
        owner.shmUnlink("/private");
    }

    @Test
    void aNamedSemaphoreCreated0600RefusesAnotherUserAndLetsRootIn() {
        Os owner = machine.spawn(OWNER);
        Semaphore sem = owner.semOpen("/guard", O_CREAT | O_EXCL, 0600, 1);
        Os stranger = machine.spawn(STRANGER);
        assertErrno(Errno.EACCES, () -> stranger.semOpen("/guard", 0));
        assertErrno(Errno.EACCES, () -> stranger.semOpen("/guard", O_CREAT, 0600, 0));
        Os root = machine.spawn(ROOT);
        Semaphore theirs = root.semOpen("/guard", 0);
        assertEquals(true, root.semTrywait(theirs), "root reaches the owner's semaphore");
        root.semClose(theirs);
        owner.semClose(sem);
        owner.semUnlink("/guard");
    }

    @Test
    void theCreatorsUmaskIsTakenOutOfTheMode() {
        Os owner = machine.spawn(OWNER);
        assertEquals(022, owner.umask(077), "a new process starts with 022");
        OpenFile fd = owner.shmOpen("/masked", O_RDWR | O_CREAT, 0666);
        assertEquals(0600, owner.fstat(fd).mode() & 0777);
        Os stranger = machine.spawn(STRANGER);
        assertErrno(Errno.EACCES, () -> stranger.shmOpen("/masked", O_RDONLY, 0));
        owner.umask(022);
        OpenFile shared = owner.shmOpen("/readable", O_RDWR | O_CREAT, 0666);
        assertEquals(0644, owner.fstat(shared).mode() & 0777);
        OpenFile reader = stranger.shmOpen("/readable", O_RDONLY, 0);
        assertErrno(Errno.EACCES, () -> stranger.shmOpen("/readable", O_RDWR, 0));
        Semaphore sem = owner.semOpen("/masked-sem", O_CREAT, 0666, 0);
        assertErrno(Errno.EACCES, () -> stranger.semOpen("/masked-sem", 0));
        stranger.close(reader);
        owner.semClose(sem);
        owner.close(fd);
        owner.close(shared);
    }
}
