package io.shmlab.bench;

import io.shmlab.api.Backends;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Machine;
import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;
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
 * Figure 1: an uncontended sem_post + sem_wait pair through the native backend, on an unnamed
 * process-shared semaphore in a shared anonymous mapping — the pair {@code c/sem_pair.c} times in C.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SemaphorePairBenchmark {
    private Machine machine;
    private Os os;
    private Mapping memory;
    private Semaphore sem;

    @Setup
    public void setUp() {
        machine = Backends.get("native").boot();
        os = machine.spawn();
        memory = os.mmapAnonymous(4096, Protection.PROT_READ | Protection.PROT_WRITE,
                MapFlags.MAP_SHARED | MapFlags.MAP_ANONYMOUS);
        sem = os.semInit(memory, 0, true, 0);
    }

    @Benchmark
    public void postThenWait() {
        os.semPost(sem);
        os.semWait(sem);
    }

    @TearDown
    public void tearDown() {
        os.semDestroy(sem);
        os.munmap(memory);
        machine.close();
    }
}
