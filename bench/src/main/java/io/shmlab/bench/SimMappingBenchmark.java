package io.shmlab.bench;

import io.shmlab.api.Backends;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Machine;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Protection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 4: a simulated mapping's loads and stores against a plain little-endian ByteBuffer of the
 * same size, each op a store and a load of an int at a rotating offset. On the simulator every access
 * is checked (range, protection, object size) and may fault in a page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SimMappingBenchmark {
    static final int SIZE = 1 << 20;
    private static final int MASK = SIZE - 4;

    private Machine machine;
    private Os os;
    private Mapping mapping;
    private ByteBuffer buffer;
    private int at;

    @Setup
    public void setUp() {
        machine = Backends.get("sim").boot();
        os = machine.spawn();
        OpenFile fd = os.shmOpen("/bench-mapping", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
        os.ftruncate(fd, SIZE);
        mapping = os.mmap(SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        os.shmUnlink("/bench-mapping");
        buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Benchmark
    public int simulatedMapping() {
        at = (at + 4100) & MASK;
        mapping.putInt(at, at);
        return mapping.getInt(at);
    }

    @Benchmark
    public int byteBuffer() {
        at = (at + 4100) & MASK;
        buffer.putInt(at, at);
        return buffer.getInt(at);
    }

    @TearDown
    public void tearDown() {
        os.munmap(mapping);
        machine.close();
    }
}
