package io.shmlab.sim;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's Exercise 1: two processes map {@code /os_cp}. Do they see it at the same virtual address?
 * No, and so a pointer stored in the shared memory is wrong in the other process; an offset works.
 */
class ExerciseOneTest {
    /** A struct with a pointer and an offset to the same text, as a student might write it. */
    private static final StructLayout SHARED = StructLayout.builder("shared")
            .field("pointer", CType.POINTER)
            .field("offset", CType.SIZE_T)
            .field("text", CType.array(CType.CHAR, 1000))
            .build();

    private final SimMachine machine = SimMachine.builder().seed(42).build();

    @AfterEach
    void close() {
        machine.close();
    }

    private static Mapping map(SimOs os) {
        OpenFile fd = os.shmOpen("/os_cp", O_CREAT | O_RDWR, 0600);
        os.ftruncate(fd, SHARED.size());
        Mapping m = os.mmap(SHARED.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        return m;
    }

    @Test
    void twoProcessesSeeTheObjectAtDifferentAddressesAndShareItsBytes() {
        SimOs writer = machine.spawn();
        SimOs reader = machine.spawn();
        Mapping w = map(writer);
        Mapping r = map(reader);
        assertNotEquals(w.address(), r.address());
        w.putCString(SHARED.offsetOf("text"), "Hello from " + writer.pid());
        assertEquals("Hello from " + writer.pid(), r.getCString(SHARED.offsetOf("text"), 1000));
    }

    @Test
    void theSameSeedGivesTheSameAddresses() {
        long first;
        try (SimMachine a = SimMachine.builder().seed(42).build()) {
            first = map(a.spawn()).address();
        }
        try (SimMachine b = SimMachine.builder().seed(42).build()) {
            assertEquals(first, map(b.spawn()).address());
        }
        try (SimMachine c = SimMachine.builder().seed(43).build()) {
            assertNotEquals(first, map(c.spawn()).address());
        }
    }

    @Test
    void aStoredPointerIsWrongInTheOtherProcessButAnOffsetWorks() {
        SimOs writer = machine.spawn();
        SimOs reader = machine.spawn();
        Mapping w = map(writer);
        Mapping r = map(reader);
        long text = SHARED.offsetOf("text");
        w.putCString(text, "the text");
        w.putLong(SHARED.offsetOf("pointer"), w.address() + text);
        w.putLong(SHARED.offsetOf("offset"), text);

        long pointer = r.getLong(SHARED.offsetOf("pointer"));
        assertThrows(SegmentationFault.class, () -> reader.mappingAt(pointer),
                "the writer's address means nothing in the reader");
        assertEquals("the text", writer.mappingAt(pointer).getCString(pointer - w.address(), 100));

        long offset = r.getLong(SHARED.offsetOf("offset"));
        assertEquals("the text", r.getCString(offset, 100));
    }
}
