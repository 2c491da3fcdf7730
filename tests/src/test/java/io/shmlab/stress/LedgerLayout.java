package io.shmlab.stress;

/**
 * Descriptor of the ledger the stress and crash tests keep next to the ring buffer, in a shared
 * memory object of its own (the ring stays exactly Exercise 4's {@code struct ring_buffer}): who takes
 * which role, how many items the consumers have claimed, and one receipt counter per item sent.
 *
 * <pre>
 * struct ledger {                                  offset
 *   int roster;          next role to hand out        0  +------------------------+
 *   int claims;          items consumers claimed      4  +------------------------+
 *   int producersDone;                                8  +------------------------+
 *   int consumersDone;                               12  +------------------------+
 *   int corrupt;         items failing their check   16  +------------------------+
 *   int strays;          items no producer sent      20  +------------------------+
 *   int receipts[P * N]; times item (p, s) arrived   24  | receipts[p * N + s]    |
 * };                                                     +------------------------+
 * </pre>
 * Every field is changed by atomic adds only, so the processes need no lock for it. A receipt is the
 * consumer's durable "I got it": after a run every one must be exactly 1.
 */
public final class LedgerLayout {
    /** {@code offsetof(ledger, roster)}. */
    public static final long ROSTER_OFFSET = 0;
    /** {@code offsetof(ledger, claims)}. */
    public static final long CLAIMS_OFFSET = ROSTER_OFFSET + Integer.BYTES;
    /** {@code offsetof(ledger, producersDone)}. */
    public static final long PRODUCERS_DONE_OFFSET = CLAIMS_OFFSET + Integer.BYTES;
    /** {@code offsetof(ledger, consumersDone)}. */
    public static final long CONSUMERS_DONE_OFFSET = PRODUCERS_DONE_OFFSET + Integer.BYTES;
    /** {@code offsetof(ledger, corrupt)}. */
    public static final long CORRUPT_OFFSET = CONSUMERS_DONE_OFFSET + Integer.BYTES;
    /** {@code offsetof(ledger, strays)}. */
    public static final long STRAYS_OFFSET = CORRUPT_OFFSET + Integer.BYTES;
    /** {@code offsetof(ledger, receipts)}. */
    public static final long RECEIPTS_OFFSET = STRAYS_OFFSET + Integer.BYTES;

    private final int producers;
    private final int perProducer;

    private LedgerLayout(int producers, int perProducer) {
        this.producers = producers;
        this.perProducer = perProducer;
    }

    /** The ledger of a run where each of {@code producers} producers sends {@code perProducer} items. */
    public static LedgerLayout of(int producers, int perProducer) {
        if (producers < 1 || perProducer < 1 || (long) producers * perProducer > Integer.MAX_VALUE / Integer.BYTES) {
            throw new IllegalArgumentException("producers=" + producers + ", perProducer=" + perProducer);
        }
        return new LedgerLayout(producers, perProducer);
    }

    public int producers() {
        return producers;
    }

    public int perProducer() {
        return perProducer;
    }

    /** How many items the producers send in all. */
    public int items() {
        return producers * perProducer;
    }

    /** True when (producer, sequence) is an item some producer sends. */
    public boolean sent(int producer, long sequence) {
        return producer >= 0 && producer < producers && sequence >= 0 && sequence < perProducer;
    }

    /** {@code offsetof(ledger, receipts[producer * N + sequence])}. */
    public long receiptOffset(int producer, long sequence) {
        if (!sent(producer, sequence)) {
            throw new IndexOutOfBoundsException("producer=" + producer + ", sequence=" + sequence);
        }
        return RECEIPTS_OFFSET + ((long) producer * perProducer + sequence) * Integer.BYTES;
    }

    /** {@code sizeof(struct ledger)}. */
    public long size() {
        return RECEIPTS_OFFSET + (long) items() * Integer.BYTES;
    }
}
