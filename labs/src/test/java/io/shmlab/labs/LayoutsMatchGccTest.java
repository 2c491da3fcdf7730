package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutsMatchGccTest {

    private static final String SOURCE = """
            #include <stdio.h>
            #include <stddef.h>
            #include <semaphore.h>
            #ifndef MAX_ELEMENTS_PLUS_ONE
            #define MAX_ELEMENTS_PLUS_ONE 11
            #endif
            struct myData { int version; char text[1020]; int counter; };
            typedef char item_t[256];
            struct ring_buffer { item_t data[MAX_ELEMENTS_PLUS_ONE]; size_t first; size_t last; };
            struct data { sem_t sem; };
            struct finish_line { int finished; };
            int main(void) {
              printf("myData.version %zu\\n", offsetof(struct myData, version));
              printf("myData.text %zu\\n", offsetof(struct myData, text));
              printf("myData.counter %zu\\n", offsetof(struct myData, counter));
              printf("myData.size %zu\\n", sizeof(struct myData));
              printf("ring.data %zu\\n", offsetof(struct ring_buffer, data));
              printf("ring.item1 %zu\\n", offsetof(struct ring_buffer, data[1]));
              printf("ring.first %zu\\n", offsetof(struct ring_buffer, first));
              printf("ring.last %zu\\n", offsetof(struct ring_buffer, last));
              printf("ring.size %zu\\n", sizeof(struct ring_buffer));
              printf("data.sem %zu\\n", offsetof(struct data, sem));
              printf("data.size %zu\\n", sizeof(struct data));
              printf("finish.finished %zu\\n", offsetof(struct finish_line, finished));
              printf("finish.size %zu\\n", sizeof(struct finish_line));
              return 0;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void myDataMatchesGcc() throws Exception {
        Map<String, Long> c = CLayoutProbe.run(dir, SOURCE);
        assertEquals(c.get("myData.version"), MyDataLayout.VERSION_OFFSET);
        assertEquals(c.get("myData.text"), MyDataLayout.TEXT_OFFSET);
        assertEquals(c.get("myData.counter"), MyDataLayout.COUNTER_OFFSET);
        assertEquals(c.get("myData.size"), MyDataLayout.SIZE);
    }

    @Test
    void semDataAndFinishLineMatchGcc() throws Exception {
        Map<String, Long> c = CLayoutProbe.run(dir, SOURCE);
        assertEquals(c.get("data.sem"), SemDataLayout.SEM_OFFSET);
        assertEquals(c.get("data.size"), SemDataLayout.SIZE);
        assertEquals(c.get("finish.finished"), FinishLineLayout.FINISHED_OFFSET);
        assertEquals(c.get("finish.size"), FinishLineLayout.SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 11, 100})
    void ringBufferMatchesGccForEachMaxElementsPlusOne(int max) throws Exception {
        Map<String, Long> c = CLayoutProbe.run(dir, SOURCE, "MAX_ELEMENTS_PLUS_ONE=" + max);
        RingBufferLayout layout = RingBufferLayout.of(max);
        assertEquals(c.get("ring.data"), layout.itemOffset(0));
        assertEquals(c.get("ring.item1"), layout.itemOffset(1));
        assertEquals(c.get("ring.first"), layout.firstOffset());
        assertEquals(c.get("ring.last"), layout.lastOffset());
        assertEquals(c.get("ring.size"), layout.size());
    }

    @Test
    void ringBufferDefaultHoldsTenItems() {
        RingBufferLayout layout = RingBufferLayout.forCapacity(10);
        assertEquals(RingBufferLayout.DEFAULT_MAX_ELEMENTS_PLUS_ONE, layout.maxElementsPlusOne());
        assertEquals(10, layout.capacity());
    }

    @Test
    void ringBufferRefusesAnIndexPastTheArray() {
        RingBufferLayout layout = RingBufferLayout.of(4);
        assertThrows(IndexOutOfBoundsException.class, () -> layout.itemOffset(4));
        assertThrows(IllegalArgumentException.class, () -> RingBufferLayout.of(1));
    }
}
