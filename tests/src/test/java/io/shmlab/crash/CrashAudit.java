package io.shmlab.crash;

import io.shmlab.api.Mapping;
import io.shmlab.stress.LedgerLayout;

/**
 * What a crash run's ledger and board say at its end. An item is <em>committed</em> when its producer
 * put it with {@code last} advanced and {@code full} posted (the board's {@code committed} count):
 * each such item must have arrived exactly once. At most one item per producer past that count may
 * have arrived too (the one a producer died with, after advancing {@code last}); none twice, none
 * corrupt, none that nobody sent, and the ring must be empty.
 */
record CrashAudit(long committed, long passed, long lost, long duplicated, long uncommittedArrived, long corrupt,
        long strays, long leftInRing, int deaths, int adopted) {

    static CrashAudit of(RingView view) {
        LedgerLayout ledger = view.settings().ledger();
        Mapping receipts = view.ledger();
        long committed = 0;
        long passed = 0;
        long lost = 0;
        long duplicated = 0;
        long uncommittedArrived = 0;
        long beyondInFlight = 0;
        for (int p = 0; p < ledger.producers(); p++) {
            long count = view.board().getLong(view.worker(p, RecoveryBoardLayout.COMMITTED));
            committed += count;
            for (int s = 0; s < ledger.perProducer(); s++) {
                int got = receipts.getInt(ledger.receiptOffset(p, s));
                if (got > 1) {
                    duplicated++;
                } else if (s < count) {
                    if (got == 1) {
                        passed++;
                    } else {
                        lost++;
                    }
                } else if (got == 1) {
                    uncommittedArrived++;
                    if (s > count) {
                        beyondInFlight++;
                    }
                }
            }
        }
        return new CrashAudit(committed, passed, lost, duplicated, uncommittedArrived,
                receipts.getInt(LedgerLayout.CORRUPT_OFFSET), receipts.getInt(LedgerLayout.STRAYS_OFFSET) + beyondInFlight,
                view.items(), view.board().getInt(RecoveryBoardLayout.DEATHS_OFFSET),
                view.board().getInt(RecoveryBoardLayout.ADOPTED_OFFSET));
    }

    /** True when no committed item was lost or duplicated and nothing else went wrong. */
    boolean holds() {
        return passed == committed && lost == 0 && duplicated == 0 && corrupt == 0 && strays == 0 && leftInRing == 0
                && uncommittedArrived <= deaths;
    }

    @Override
    public String toString() {
        return "committed " + committed + ", passed " + passed + ", lost " + lost + ", duplicated " + duplicated
                + ", arrived uncommitted " + uncommittedArrived + ", corrupt " + corrupt + ", strays " + strays
                + ", left in the ring " + leftInRing + ", deaths " + deaths + ", delivered by a repair " + adopted;
    }
}
