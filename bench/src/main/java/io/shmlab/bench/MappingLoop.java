package io.shmlab.bench;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import java.nio.ByteBuffer;

/**
 * The loop of figure 4 at per-access granularity: {@code args[0]} times, a store and a load of an
 * int at a rotating offset of a 1 MiB shared mapping ({@link SimMappingBenchmark}'s access pattern);
 * it prints the sum of the loads. {@link #onByteBuffer} is the same loop on a plain ByteBuffer.
 */
public final class MappingLoop implements Program {
    static final String NAME = "/bench-loop";
    private static final int MASK = SimMappingBenchmark.SIZE - 4;

    private final long ops;

    /** @param args {@code ops} */
    public MappingLoop(String[] args) {
        this.ops = Long.parseLong(args[0]);
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(NAME, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
        os.ftruncate(fd, SimMappingBenchmark.SIZE);
        Mapping mapping = os.mmap(SimMappingBenchmark.SIZE, Protection.PROT_READ | Protection.PROT_WRITE,
                MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        int at = 0;
        int sum = 0;
        for (long i = 0; i < ops; i++) {
            at = (at + 4100) & MASK;
            mapping.putInt(at, at);
            sum += mapping.getInt(at);
        }
        os.munmap(mapping);
        os.println("sum " + sum);
        return 0;
    }

    /** The same loop on a ByteBuffer; returns the sum of the loads. */
    static int onByteBuffer(ByteBuffer buffer, long ops) {
        int at = 0;
        int sum = 0;
        for (long i = 0; i < ops; i++) {
            at = (at + 4100) & MASK;
            buffer.putInt(at, at);
            sum += buffer.getInt(at);
        }
        return sum;
    }
}
