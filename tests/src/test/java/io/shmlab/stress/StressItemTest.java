package io.shmlab.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.labs.RingBufferLayout;
import org.junit.jupiter.api.Test;

/** An item carries its producer and sequence, and any torn or stray byte fails its check. */
class StressItemTest {

    private static byte[] item(int producer, long sequence) {
        byte[] item = new byte[RingBufferLayout.ITEM_SIZE];
        StressItem.encode(item, producer, sequence);
        return item;
    }

    @Test
    void anEncodedItemIsIntactAndSaysWhoSentIt() {
        byte[] item = item(7, 123_456_789_012L);

        assertTrue(StressItem.intact(item));
        assertEquals(7, StressItem.producer(item));
        assertEquals(123_456_789_012L, StressItem.sequence(item));
    }

    @Test
    void aChangedByteAnywhereFailsTheCheck() {
        for (int at : new int[] {StressItem.PRODUCER_OFFSET, StressItem.SEQUENCE_OFFSET + 3, StressItem.CHECK_OFFSET,
                StressItem.END_OFFSET, RingBufferLayout.ITEM_SIZE - 1}) {
            byte[] item = item(1, 42);
            item[at] ^= 0x10;
            assertFalse(StressItem.intact(item), "byte " + at + " changed");
        }
    }

    @Test
    void anItemHalfOverwrittenByAnotherFailsTheCheck() {
        byte[] torn = item(0, 5);
        System.arraycopy(item(1, 6), 0, torn, 0, StressItem.CHECK_OFFSET);

        assertFalse(StressItem.intact(torn));
    }

    @Test
    void aSlotNobodyWroteIsNotAnItem() {
        assertFalse(StressItem.intact(new byte[RingBufferLayout.ITEM_SIZE]));
    }
}
