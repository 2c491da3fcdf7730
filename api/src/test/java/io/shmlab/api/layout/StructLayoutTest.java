package io.shmlab.api.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Offsets and sizes as gcc gives them on x86_64 Linux (checked against gcc's offsetof/sizeof). */
class StructLayoutTest {

    @Test
    void myDataOfTheSeedHasTheCounterAfterTheText() {
        StructLayout myData = StructLayout.builder("myData")
                .field("version", CType.INT)
                .field("text", CType.array(CType.CHAR, 1020))
                .field("counter", CType.INT)
                .build();
        assertEquals(0, myData.offsetOf("version"));
        assertEquals(4, myData.offsetOf("text"));
        assertEquals(1024, myData.offsetOf("counter"));
        assertEquals(1028, myData.size());
        assertEquals(4, myData.alignment());
    }

    @Test
    void ringBufferOfTheSeedPutsTheIndicesAfterTheItems() {
        StructLayout ring = StructLayout.builder("ring_buffer")
                .field("data", CType.array(CType.array(CType.CHAR, 256), 11))
                .field("first", CType.SIZE_T)
                .field("last", CType.SIZE_T)
                .build();
        assertEquals(2816, ring.offsetOf("first"));
        assertEquals(2824, ring.offsetOf("last"));
        assertEquals(2832, ring.size());
        assertEquals(8, ring.alignment());
    }

    @Test
    void semTIsAlignedAsALongAndPadsTheStruct() {
        StructLayout s = StructLayout.builder("guarded")
                .field("flag", CType.CHAR)
                .field("sem", CType.SEM_T)
                .field("tail", CType.CHAR)
                .build();
        assertEquals(8, s.offsetOf("sem"));
        assertEquals(40, s.offsetOf("tail"));
        assertEquals(48, s.size());
        assertTrue(s.describe().contains("(padding)"));
    }

    @Test
    void duplicateAndMissingMembersAreRefused() {
        StructLayout.Builder b = StructLayout.builder("x").field("a", CType.INT);
        assertThrows(IllegalArgumentException.class, () -> b.field("a", CType.INT));
        assertThrows(IllegalArgumentException.class, () -> b.build().offsetOf("b"));
    }
}
