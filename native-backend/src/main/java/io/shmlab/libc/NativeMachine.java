package io.shmlab.libc;

import io.shmlab.api.Backend;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host: {@link #spawn()} hands out handles on this JVM's process, {@link #listShm()} lists
 * {@code /dev/shm}, and {@link #run} starts real child JVMs. Closing it removes nothing.
 */
final class NativeMachine implements Machine {
    /** Where glibc keeps shared memory objects and named semaphores. */
    static final Path SHM_DIRECTORY = Path.of("/dev/shm");

    private final Backend backend;
    private final ThisProcess process;
    private final NativeSettings settings;

    NativeMachine(Backend backend, ThisProcess process, NativeSettings settings) {
        this.backend = backend;
        this.process = process;
        this.settings = settings;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Os spawn() {
        return new NativeOs(process, settings);
    }

    @Override
    public List<String> listShm() {
        try (Stream<Path> entries = Files.list(SHM_DIRECTORY)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + SHM_DIRECTORY, e);
        }
    }

    @Override
    public RunReport run(ProgramSpec program, RunOptions options) {
        return new ChildRun(program, options).run();
    }

    @Override
    public void close() {
        // The host outlives its handles: nothing to shut down.
    }

    @Override
    public String toString() {
        return "the host (native backend), process " + process.pid();
    }
}
