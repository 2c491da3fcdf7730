package io.shmlab.contract;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.SemT;
import io.shmlab.api.layout.StructLayout;
import org.junit.jupiter.api.Test;

/**
 * C struct layouts used through a backend: a {@code struct} written by one process field by field at
 * the offsets gcc gives is read back by another, with a {@code sem_t} member that works in place.
 */
public abstract class LayoutContract extends ContractSupport {

    /** The seed's Exercise 1 struct with the counter the exercise adds. */
    static final StructLayout MY_DATA = StructLayout.builder("myData")
            .field("version", CType.INT)
            .field("text", CType.array(CType.CHAR, 1020))
            .field("counter", CType.INT)
            .build();

    /** A struct with a semaphore after a char, to exercise sem_t's alignment of 8. */
    static final StructLayout GUARDED = StructLayout.builder("guarded")
            .field("flag", CType.CHAR)
            .field("sem", CType.SEM_T)
            .field("count", CType.SIZE_T)
            .build();

    @Test
    void semInitStoresTheValueAndGlibcsFutexFlag() {
        OpenFile fd = os.shmOpen(shmName("newsem"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4096);
        Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        m.fill(0, 4096, (byte) 0x55);
        os.semInit(m, 0, true, 3);
        os.semInit(m, 64, false, 4);
        assertEquals(SemT.data(3, 0), m.getLong(SemT.DATA_OFFSET), "the value, and no waiters");
        assertEquals(SemT.FUTEX_SHARED, m.getInt(SemT.PRIVATE_OFFSET), "process-shared: LLL_SHARED, 128");
        assertEquals(SemT.data(4, 0), m.getLong(64 + SemT.DATA_OFFSET));
        assertEquals(SemT.FUTEX_PRIVATE, m.getInt(64 + SemT.PRIVATE_OFFSET), "process-private: LLL_PRIVATE, 0");
        assertEquals(0x55555555, m.getInt(SemT.NEW_SEM.offsetOf("pad")), "nothing else is stored");
        os.munmap(m);
        os.close(fd);
    }

    @Test
    void aStructWrittenByOneProcessIsReadByAnother() {
        String name = shmName("mydata");
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, MY_DATA.size());
        assertEquals(MY_DATA.size(), os.fstat(fd).size());
        Mapping data = os.mmap(MY_DATA.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        data.putInt(MY_DATA.offsetOf("version"), 3);
        data.putCString(MY_DATA.offsetOf("text"), "written by one");
        data.putInt(MY_DATA.offsetOf("counter"), -7);

        Os reader = machine.spawn();
        OpenFile theirFd = reader.shmOpen(name, O_RDWR, 0);
        Mapping theirs = reader.mmap(MY_DATA.size(), PROT_READ, MAP_SHARED, theirFd, 0);
        assertEquals(3, theirs.getInt(0));
        assertEquals("written by one", theirs.getCString(4, 1020));
        assertEquals(-7, theirs.getInt(1024));
        reader.munmap(theirs);
        reader.close(theirFd);
        os.munmap(data);
        os.close(fd);
    }

    @Test
    void aSemaphoreMemberWorksAtItsAlignedOffset() {
        assertEquals(8, GUARDED.offsetOf("sem"));
        OpenFile fd = os.shmOpen(shmName("guarded"), O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, GUARDED.size());
        Mapping m = os.mmap(GUARDED.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore sem = os.semInit(m, GUARDED.offsetOf("sem"), true, 0);
        m.putByte(GUARDED.offsetOf("flag"), (byte) 1);
        m.putLong(GUARDED.offsetOf("count"), 12);
        os.semPost(sem);
        assertTrue(os.semTrywait(sem));
        assertEquals(12, m.getLong(GUARDED.offsetOf("count")));
        assertEquals(1, m.getByte(0));
        os.semDestroy(sem);
        os.munmap(m);
        os.close(fd);
    }
}
