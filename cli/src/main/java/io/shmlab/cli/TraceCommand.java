package io.shmlab.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab trace --exec BINARY --procs=N [-- ARGS]}: N real processes of a C program under the
 * preloaded turnstile, in the order they arrive at their calls, drawn as the simulator's timeline, with
 * how each ended and the run's token.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = {
    "Run a C program in N real processes under shmlab's turnstile and draw the timeline of their calls",
    "(shared memory, semaphores, output, sleeps), with how each ended and a token that replays the run.",
    "Its arguments go after --; {i} in one is the process's index (0..N-1)."})
final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    ExecOption exec;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "processes (default ${DEFAULT-VALUE})")
    int procs;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "how long a process may run without a call the turnstile orders before it is reported as"
                    + " spinning (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        if (!exec.given() || exec.twin()) {
            throw new UsageError("trace runs a C program: give --exec BINARY");
        }
        return ExecCommands.trace(exec, procs, timeout, root);
    }
}
