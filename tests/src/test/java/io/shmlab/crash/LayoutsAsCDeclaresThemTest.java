package io.shmlab.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;
import io.shmlab.stress.LedgerLayout;
import io.shmlab.stress.StressItem;
import org.junit.jupiter.api.Test;

/**
 * The hand-built offsets of the test's shared layouts are the ones gcc gives the same structs on
 * x86_64 ({@link StructLayout}): a C peer could share the ledger and the board byte for byte.
 */
class LayoutsAsCDeclaresThemTest {

    @Test
    void recoveryBoardMatchesItsStruct() {
        StructLayout worker = StructLayout.builder("worker")
                .field("pid", CType.INT).field("state", CType.INT).field("tokens", CType.INT)
                .field("timeouts", CType.INT).field("mutexTimeouts", CType.INT)
                .field("committed", CType.LONG).field("pending", CType.LONG).build();
        StructLayout board = StructLayout.builder("board")
                .field("repair", CType.INT).field("deaths", CType.INT).field("producersFinished", CType.INT)
                .field("holder", CType.INT).field("holding", CType.INT).field("adopted", CType.INT)
                .field("workers", CType.array(worker.asType(), 3)).build();
        RecoveryBoardLayout layout = RecoveryBoardLayout.of(3);

        assertEquals(board.offsetOf("deaths"), RecoveryBoardLayout.DEATHS_OFFSET);
        assertEquals(board.offsetOf("producersFinished"), RecoveryBoardLayout.PRODUCERS_FINISHED_OFFSET);
        assertEquals(board.offsetOf("holder"), RecoveryBoardLayout.HOLDER_OFFSET);
        assertEquals(board.offsetOf("holding"), RecoveryBoardLayout.HOLDING_OFFSET);
        assertEquals(board.offsetOf("adopted"), RecoveryBoardLayout.ADOPTED_OFFSET);
        assertEquals(board.offsetOf("workers"), RecoveryBoardLayout.WORKERS_OFFSET);
        assertEquals(worker.offsetOf("state"), RecoveryBoardLayout.STATE);
        assertEquals(worker.offsetOf("tokens"), RecoveryBoardLayout.TOKENS);
        assertEquals(worker.offsetOf("timeouts"), RecoveryBoardLayout.TIMEOUTS);
        assertEquals(worker.offsetOf("mutexTimeouts"), RecoveryBoardLayout.MUTEX_TIMEOUTS);
        assertEquals(worker.offsetOf("committed"), RecoveryBoardLayout.COMMITTED);
        assertEquals(worker.offsetOf("pending"), RecoveryBoardLayout.PENDING);
        assertEquals(worker.size(), RecoveryBoardLayout.WORKER_SIZE);
        assertEquals(board.size(), layout.size());
        assertEquals(board.offsetOf("workers") + 2 * worker.size() + worker.offsetOf("committed"),
                layout.worker(2, RecoveryBoardLayout.COMMITTED));
    }

    @Test
    void ledgerMatchesItsStruct() {
        StructLayout ledger = StructLayout.builder("ledger")
                .field("roster", CType.INT).field("claims", CType.INT).field("producersDone", CType.INT)
                .field("consumersDone", CType.INT).field("corrupt", CType.INT).field("strays", CType.INT)
                .field("receipts", CType.array(CType.INT, 2 * 5)).build();
        LedgerLayout layout = LedgerLayout.of(2, 5);

        assertEquals(ledger.offsetOf("claims"), LedgerLayout.CLAIMS_OFFSET);
        assertEquals(ledger.offsetOf("producersDone"), LedgerLayout.PRODUCERS_DONE_OFFSET);
        assertEquals(ledger.offsetOf("consumersDone"), LedgerLayout.CONSUMERS_DONE_OFFSET);
        assertEquals(ledger.offsetOf("corrupt"), LedgerLayout.CORRUPT_OFFSET);
        assertEquals(ledger.offsetOf("strays"), LedgerLayout.STRAYS_OFFSET);
        assertEquals(ledger.offsetOf("receipts"), LedgerLayout.RECEIPTS_OFFSET);
        assertEquals(ledger.size(), layout.size());
        assertEquals(ledger.offsetOf("receipts") + (1 * 5 + 3) * Integer.BYTES, layout.receiptOffset(1, 3));
    }

    @Test
    void stressItemMatchesItsStruct() {
        StructLayout item = StructLayout.builder("item")
                .field("producer", CType.INT).field("sequence", CType.LONG).field("check", CType.LONG).build();

        assertEquals(item.offsetOf("sequence"), StressItem.SEQUENCE_OFFSET);
        assertEquals(item.offsetOf("check"), StressItem.CHECK_OFFSET);
        assertEquals(item.size(), StressItem.END_OFFSET);
    }
}
