package io.shmlab.sim.sched.programs;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;

/**
 * A bounded ring buffer shared by many processes: those with an even pid produce one item each, the
 * others consume one each. Named semaphores count the free and the full slots and guard the indices;
 * sem_open with O_CREAT is atomic in glibc, so whichever process comes first creates them
 * initialised. A consumer that takes an empty slot (zero) exits 1.
 *
 * <pre>
 *   0      4      8                                 8 + 4 * SLOTS
 *   +------+------+------+------+-- ... --+------+
 *   | head | tail | slot 0      ...        slot N-1|
 *   +------+------+------+------+-- ... --+------+
 * </pre>
 */
public final class RingOfProcesses implements Program {

    static final String NAME = "/ring";
    static final int SLOTS = 16;
    static final int HEAD_OFFSET = 0;
    static final int TAIL_OFFSET = HEAD_OFFSET + Integer.BYTES;
    static final int SLOTS_OFFSET = TAIL_OFFSET + Integer.BYTES;
    static final int SIZE = SLOTS_OFFSET + SLOTS * Integer.BYTES;

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(NAME, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
        os.ftruncate(fd, SIZE);
        Mapping ring = os.mmap(SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        Semaphore free = os.semOpen("/ring_free", OpenFlags.O_CREAT, 0600, SLOTS);
        Semaphore full = os.semOpen("/ring_full", OpenFlags.O_CREAT, 0600, 0);
        Semaphore mutex = os.semOpen("/ring_mutex", OpenFlags.O_CREAT, 0600, 1);
        int status = 0;
        if (os.pid() % 2 == 0) {
            os.semWait(free);
            os.semWait(mutex);
            int head = ring.getInt(HEAD_OFFSET);
            ring.putInt(SLOTS_OFFSET + (long) Integer.BYTES * (head % SLOTS), os.pid());
            ring.putInt(HEAD_OFFSET, head + 1);
            os.semPost(mutex);
            os.semPost(full);
        } else {
            os.semWait(full);
            os.semWait(mutex);
            int tail = ring.getInt(TAIL_OFFSET);
            long slot = SLOTS_OFFSET + (long) Integer.BYTES * (tail % SLOTS);
            int item = ring.getInt(slot);
            ring.putInt(slot, 0);
            ring.putInt(TAIL_OFFSET, tail + 1);
            os.semPost(mutex);
            os.semPost(free);
            if (item == 0) {
                os.println("took an empty slot " + tail);
                status = 1;
            }
        }
        os.semClose(free);
        os.semClose(full);
        os.semClose(mutex);
        os.munmap(ring);
        return status;
    }
}
