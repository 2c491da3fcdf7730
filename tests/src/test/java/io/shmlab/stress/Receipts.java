package io.shmlab.stress;

import io.shmlab.api.Mapping;

/** How a consumer records an item it got in the ledger ({@link LedgerLayout}). */
public final class Receipts {
    private Receipts() {
    }

    /**
     * Adds one to the item's receipt; an item that fails its check counts as corrupt, one that no
     * producer sends as a stray.
     */
    public static void record(Mapping ledgerMemory, LedgerLayout ledger, byte[] item) {
        if (!StressItem.intact(item)) {
            ledgerMemory.getAndAddInt(LedgerLayout.CORRUPT_OFFSET, 1);
            return;
        }
        int producer = StressItem.producer(item);
        long sequence = StressItem.sequence(item);
        if (!ledger.sent(producer, sequence)) {
            ledgerMemory.getAndAddInt(LedgerLayout.STRAYS_OFFSET, 1);
            return;
        }
        ledgerMemory.getAndAddInt(ledger.receiptOffset(producer, sequence), 1);
    }
}
