package io.shmlab.cli;

import io.shmlab.api.Program;
import java.util.List;

/**
 * A machine that runs programs as interactive processes for a {@link SharedTerminal}: the simulator
 * in direct mode, where every process runs on its own thread, each with its own standard input.
 */
interface ProcessHost extends AutoCloseable {

    /** Starts a process running the program, named by a short label (A, B, W). */
    HostedProcess launch(String label, Program program);

    /** One line per process: pid, label, state, page faults, resident pages. */
    List<String> ps();

    /** Each process's mappings: virtual address, length, protection, flags, object. */
    List<String> maps();

    /** The machine's /dev/shm as {@code shmlab ls} shows the host's ({@link ShmListing}). */
    List<String> ls();

    /** Shuts the machine down, ending every process still running. */
    @Override
    void close();
}
