package io.shmlab.stress;

import io.shmlab.api.Mapping;

/**
 * What a ledger says after a run, item by item: how many items arrived exactly once (passed), never
 * (lost), or more than once (duplicated), and how many consumers got that were corrupt or strays.
 */
record Tally(long sent, long passed, long lost, long duplicated, long corrupt, long strays) {

    /** Reads every receipt of the ledger. */
    static Tally of(Mapping ledgerMemory, LedgerLayout ledger) {
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        for (int p = 0; p < ledger.producers(); p++) {
            for (int s = 0; s < ledger.perProducer(); s++) {
                int receipts = ledgerMemory.getInt(ledger.receiptOffset(p, s));
                if (receipts == 1) {
                    passed++;
                } else if (receipts == 0) {
                    lost++;
                } else {
                    duplicated++;
                }
            }
        }
        return new Tally(ledger.items(), passed, lost, duplicated,
                ledgerMemory.getInt(LedgerLayout.CORRUPT_OFFSET), ledgerMemory.getInt(LedgerLayout.STRAYS_OFFSET));
    }

    /** True when every item sent arrived exactly once and nothing else arrived. */
    boolean exact() {
        return passed == sent && lost == 0 && duplicated == 0 && corrupt == 0 && strays == 0;
    }

    @Override
    public String toString() {
        return "sent " + sent + ", passed " + passed + ", lost " + lost + ", duplicated " + duplicated
                + ", corrupt " + corrupt + ", strays " + strays;
    }
}
