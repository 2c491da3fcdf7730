package io.shmlab.sim.sched.programs;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;

/**
 * Two (or more) processes each increment a plain {@code int} in shared memory with a load and a
 * store ({@code counter++}), then count themselves done with an atomic add; the last one checks that
 * no increment was lost and exits 1 if one was. A race on plain memory: only per-access granularity
 * can see it.
 *
 * <pre>
 *   0         4         8
 *   +---------+---------+
 *   | counter | done    |
 *   +---------+---------+
 * </pre>
 */
public final class SharedCounter implements Program {

    static final String NAME = "/counter";
    static final int COUNTER_OFFSET = 0;
    static final int DONE_OFFSET = COUNTER_OFFSET + Integer.BYTES;
    static final int SIZE = DONE_OFFSET + Integer.BYTES;

    private final int processes;

    /** @param args the number of processes taking part (default 2) */
    public SharedCounter(String[] args) {
        this.processes = args.length == 0 ? 2 : Integer.parseInt(args[0]);
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(NAME, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
        os.ftruncate(fd, SIZE);
        Mapping m = os.mmap(SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        int value = m.getInt(COUNTER_OFFSET);
        m.putInt(COUNTER_OFFSET, value + 1);
        int before = m.getAndAddInt(DONE_OFFSET, 1);
        if (before == processes - 1) {
            int total = m.getInt(COUNTER_OFFSET);
            if (total != processes) {
                os.println("lost an update: counter is " + total + " after " + processes + " increments");
                return 1;
            }
        }
        return 0;
    }
}
