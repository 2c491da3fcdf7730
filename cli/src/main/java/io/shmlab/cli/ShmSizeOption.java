package io.shmlab.cli;

import io.shmlab.api.MachineOptions;
import io.shmlab.api.ShmSize;
import picocli.CommandLine.Option;

/**
 * {@code --shm-size=SIZE}: the capacity of /dev/shm, as Docker's option of the same name sets it
 * ({@code 64m}, Docker's default; {@code 1m}). On the simulator, the machine's tmpfs (a nominal 8 GiB
 * unless given); on native, a tmpfs of that size for the run's child JVMs alone, in a mount namespace
 * of their own (root only).
 */
final class ShmSizeOption {

    @Option(names = "--shm-size", paramLabel = "SIZE",
            description = "the capacity of /dev/shm, as Docker's --shm-size: 64m, 1m, 512k (sim: 8g unless given;"
                    + " native: a tmpfs of that size for the run's processes alone, as root)")
    String text;

    /** The size given, or {@code null} when none was. */
    ShmSize size() {
        if (text == null) {
            return null;
        }
        try {
            return ShmSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--shm-size=" + Echo.cut(text) + ": " + e.getMessage());
        }
    }

    /**
     * The size a schedule token is replayed with: the one given, else the one the token records (the
     * nominal 8 GiB for a token that records none, or is not a token: the replay then says what is
     * wrong with it).
     */
    ShmSize forToken(String token) {
        ShmSize given = size();
        if (given != null) {
            return given;
        }
        try {
            return io.shmlab.sim.sched.Schedule.decode(token).shmSize();
        } catch (IllegalArgumentException e) {
            return ShmSize.NOMINAL;
        }
    }

    /** The machine options it gives. */
    MachineOptions options() {
        ShmSize size = size();
        return size == null ? MachineOptions.DEFAULT : MachineOptions.withShmSize(size);
    }

    /**
     * Refuses the option where the native backend runs the lab in this JVM, which cannot enter a mount
     * namespace of its own.
     */
    void refuseInThisJvm(String command) {
        if (text != null) {
            size();
            throw new UsageError(command + " --backend=native runs in this JVM, which cannot have a /dev/shm of its own;"
                    + " --shm-size on native takes run, replay and ex5, whose processes are child JVMs");
        }
    }

    /** Refuses the option with {@code --exec}: a C program's processes run in the host's /dev/shm. */
    void refuseWithExec(ExecOption exec) {
        if (text != null && exec.given()) {
            throw new UsageError("--shm-size does not go with --exec: a C program's processes run in the host's /dev/shm");
        }
    }
}
