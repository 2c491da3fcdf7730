package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Errno;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Syscall;
import io.shmlab.api.Unlink;
import io.shmlab.api.layout.SemT;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.libc.turns.ControlBlock;
import io.shmlab.libc.turns.ControlBlockLayout;
import io.shmlab.libc.turns.ProcessState;
import io.shmlab.libc.turns.Turn;
import io.shmlab.libc.turns.TurnKind;
import io.shmlab.libc.turns.TurnOrder;
import io.shmlab.support.NativeHost;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control block of an ordered run: its layout, and what its creator leaves in it. */
class ControlBlockTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final TurnOrder ORDER = new TurnOrder(2, List.of(
            new Turn(1, TurnKind.CALL, Syscall.SHM_OPEN),
            new Turn(0, TurnKind.BLOCKS, Syscall.SEM_WAIT),
            new Turn(1, TurnKind.EXIT, Syscall.EXIT)));

    private Machine machine;
    private Os os;
    private String name;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        os = machine.spawn();
        name = "/" + ShmLeakCheck.RUN_TAG + "-block-" + COUNTER.incrementAndGet();
    }

    @AfterEach
    void unlink() {
        if (os != null) {
            Unlink.shmIfPresent(os, name);
        }
    }

    @Test
    void layoutPutsTheTurnstilesAfterTheMutexAndTheTurnsAfterTheProcessRecords() {
        assertEquals(16, ControlBlockLayout.MUTEX_OFFSET);
        assertEquals(0, ControlBlockLayout.MUTEX_OFFSET % SemT.ALIGNMENT, "the mutex is aligned as a sem_t");
        assertEquals(16 + SemT.SIZE, ControlBlockLayout.TURNSTILES_OFFSET);
        assertEquals(48 + SemT.SIZE, ControlBlockLayout.turnstileOffset(1));
        assertEquals(16, ControlBlockLayout.PROCESS_RECORD_SIZE);
        assertEquals(8, ControlBlockLayout.TURN_WAKES);
        assertEquals(12, ControlBlockLayout.TURN_CALL);
        assertEquals(32, ControlBlockLayout.TURN_RECORD_SIZE);
        assertEquals(48 + 2 * SemT.SIZE, ControlBlockLayout.processOffset(2, 0));
        assertEquals(48 + 2 * SemT.SIZE + 2 * 16, ControlBlockLayout.turnOffset(2, 0));
        assertEquals(48 + 2 * SemT.SIZE + 2 * 16 + 3 * 32, ControlBlockLayout.size(2, 3));
    }

    @Test
    void anOpenerReadsTheOrderTheCreatorWrote() {
        try (ControlBlock created = ControlBlock.create(os, name, ORDER);
                ControlBlock opened = ControlBlock.open(machine.spawn(), name)) {
            assertEquals(2, opened.processes());
            assertEquals(3, opened.turns());
            assertEquals(ORDER, opened.order());
            assertEquals(0, opened.cursor());
            assertEquals(ProcessState.STARTING, opened.state(0));
            assertEquals(-1, opened.enteredOn(1));
            var fd = os.shmOpen(name, io.shmlab.api.OpenFlags.O_RDONLY, 0);
            try {
                assertEquals(ControlBlockLayout.size(2, 3), os.fstat(fd).size());
            } finally {
                os.close(fd);
            }
        }
    }

    @Test
    void onlyTheFirstTurnsOwnerMayGoAtFirst() {
        try (ControlBlock block = ControlBlock.create(os, name, ORDER)) {
            block.awaitTurn(1); // posted at creation: returns at once
            assertEquals(0, os.semGetvalue(os.semAt(mapping(block), ControlBlockLayout.turnstileOffset(0))));
        }
    }

    @Test
    void advancingPostsTheNextOwnerAndSkipsOwnerlessTurns() {
        TurnOrder order = new TurnOrder(2, List.of(
                new Turn(0, TurnKind.BLOCKS, Syscall.SEM_WAIT),
                new Turn(0, TurnKind.BLOCKS_AGAIN, Syscall.SEM_WAIT),
                new Turn(1, TurnKind.CALL, Syscall.SEM_POST)));
        try (ControlBlock block = ControlBlock.create(os, name, order)) {
            block.lock();
            try {
                block.advance(); // to a BLOCKS_AGAIN turn: nobody is posted
                assertEquals(1, block.cursor());
                assertEquals(0, value(block, 1));
                block.advance(); // to B's call: B is posted
                assertEquals(1, value(block, 1));
                block.advance(); // past the end
                assertEquals(3, block.cursor());
                assertThrows(IllegalStateException.class, block::advance);
            } finally {
                block.unlock();
            }
        }
    }

    @Test
    void aTurnThatWakesSomeoneIsHeldUntilReleased() {
        TurnOrder order = new TurnOrder(2, List.of(
                new Turn(0, TurnKind.BLOCKS, Syscall.SEM_WAIT),
                new Turn(1, TurnKind.CALL, Syscall.SEM_POST, 0b01),
                new Turn(0, TurnKind.RESUMED, Syscall.SEM_WAIT)));
        try (ControlBlock block = ControlBlock.create(os, name, order)) {
            block.lock();
            try {
                assertEquals(0b01, block.wakes(1));
                block.advance();
                assertEquals(0, value(block, 1));
                block.release();
                assertEquals(1, value(block, 1));
            } finally {
                block.unlock();
            }
        }
    }

    @Test
    void aNameTakenAlreadyIsEexist() {
        try (ControlBlock first = ControlBlock.create(os, name, ORDER)) {
            PosixException e = assertThrows(PosixException.class, () -> ControlBlock.create(os, name, ORDER));
            assertEquals(Errno.EEXIST, e.errno());
        }
    }

    @Test
    void anObjectWithoutTheMagicWordIsNoControlBlock() {
        var fd = os.shmOpen(name, io.shmlab.api.OpenFlags.O_RDWR | io.shmlab.api.OpenFlags.O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        os.close(fd);
        assertThrows(IllegalStateException.class, () -> ControlBlock.open(os, name));
    }

    @Test
    void aTurnIsForAScheduledCallWhoseNameFits() {
        assertThrows(IllegalArgumentException.class, () -> new Turn(0, TurnKind.CALL, null));
        assertThrows(IllegalArgumentException.class, () -> new Turn(0, TurnKind.CALL, Syscall.GETPID));
        for (Syscall call : Syscall.values()) {
            if (call.scheduled()) {
                assertEquals(call, new Turn(0, TurnKind.CALL, call).call(), "every scheduled call's name fits a turn");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new TurnOrder(1, List.of(new Turn(1, TurnKind.EXIT, Syscall.EXIT))));
    }

    private int value(ControlBlock block, int process) {
        return os.semGetvalue(os.semAt(mapping(block), ControlBlockLayout.turnstileOffset(process)));
    }

    private io.shmlab.api.Mapping mapping(ControlBlock block) {
        var fd = os.shmOpen(name, io.shmlab.api.OpenFlags.O_RDWR, 0);
        try {
            return os.mmap(ControlBlockLayout.size(block.processes(), block.turns()),
                    io.shmlab.api.Protection.PROT_READ | io.shmlab.api.Protection.PROT_WRITE,
                    io.shmlab.api.MapFlags.MAP_SHARED, fd, 0);
        } finally {
            os.close(fd);
        }
    }
}
