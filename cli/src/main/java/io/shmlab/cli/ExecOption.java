package io.shmlab.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --exec}: a C binary run in real processes under the preloaded turnstile, with its options
 * ({@code --real-time}, {@code --stdin-each}); the binary's arguments go after {@code --}, where
 * {@code {i}} is the process's index.
 */
final class ExecOption {
    /** What {@code --exec} with no binary stands for: the lab's C twin. */
    static final String TWIN = "(the lab's C twin)";

    @Option(names = "--exec", paramLabel = "BINARY", arity = "0..1", fallbackValue = TWIN,
            description = "a C program instead: real processes of the dynamically linked BINARY, each call of shared memory,"
                    + " semaphores, output and sleep a turn (its arguments after --, {i} being the process's index);"
                    + " replay <lab> <token> --exec with no BINARY runs the lab's C twin")
    String binary;

    @Option(names = "--real-time", description = "--exec: sleeps take real time (by default they take none: a virtual clock"
            + " moves when no process may go, as on the simulator)")
    boolean realTime;

    @Option(names = "--stdin-each", paramLabel = "FILE", description = "--exec: each process reads FILE on standard input"
            + " ({i} in the name: its index); given once per process, process i reads the i-th")
    List<String> stdinEach = new ArrayList<>();

    /** Whether {@code --exec} was given. */
    boolean given() {
        return binary != null;
    }

    /** Whether it names the lab's C twin rather than a binary. */
    boolean twin() {
        return TWIN.equals(binary);
    }

    /** Refuses the exec options without {@code --exec}. */
    void checkUnused() {
        if (binary == null && (realTime || !stdinEach.isEmpty())) {
            throw new UsageError("--real-time and --stdin-each go with --exec BINARY");
        }
    }
}
