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
 *
 * <p>Booted with a size for /dev/shm, the machine is the host with a {@link PrivateTmpfs} of that size
 * on /dev/shm for its child processes alone: {@link #run} starts them inside it (and runs the program's
 * final check there too, where its objects are), {@link #listShm()} lists it, and closing the machine
 * unmounts it with everything in it. This JVM stays outside, on the host's /dev/shm, so it hands out
 * no handle ({@link #spawn()} refuses).
 */
final class NativeMachine implements Machine {
    /** Where glibc keeps shared memory objects and named semaphores. */
    static final Path SHM_DIRECTORY = Path.of("/dev/shm");

    private final Backend backend;
    private final ThisProcess process;
    private final NativeSettings settings;
    private final PrivateTmpfs tmpfs;

    NativeMachine(Backend backend, ThisProcess process, NativeSettings settings) {
        this(backend, process, settings, null);
    }

    /** @param tmpfs the child processes' /dev/shm, or {@code null} for the host's */
    NativeMachine(Backend backend, ThisProcess process, NativeSettings settings, PrivateTmpfs tmpfs) {
        this.backend = backend;
        this.process = process;
        this.settings = settings;
        this.tmpfs = tmpfs;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /**
     * A handle on this JVM's process.
     *
     * @throws IllegalStateException on a machine with a /dev/shm of its own, which this JVM cannot enter
     */
    @Override
    public Os spawn() {
        if (tmpfs != null) {
            throw new IllegalStateException("this JVM is outside the mount namespace of " + tmpfs
                    + ": its calls would reach the host's /dev/shm; programs of this machine run in child JVMs (run)");
        }
        return new NativeOs(process, settings);
    }

    /** The /dev/shm of the child processes: {@code null} for the host's. */
    PrivateTmpfs tmpfs() {
        return tmpfs;
    }

    @Override
    public List<String> listShm() {
        Path directory = tmpfs == null ? SHM_DIRECTORY : tmpfs.shmDirectory();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    @Override
    public RunReport run(ProgramSpec program, RunOptions options) {
        if (tmpfs == null) {
            return ChildRun.watched(program, options).run();
        }
        return tmpfs.withFinalCheck(program, ChildRun.watched(program, options).inside(tmpfs).run());
    }

    /** The host outlives its handles; a /dev/shm of the machine's own is unmounted, with what it holds. */
    @Override
    public void close() {
        if (tmpfs != null) {
            tmpfs.close();
        }
    }

    @Override
    public String toString() {
        return "the host (native backend), process " + process.pid();
    }
}
