package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.labs.Exercise4;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex4}: Exercise 4's ring buffer in shared memory with named semaphores
 * {@code NAME-empty}, {@code NAME-full}, {@code NAME-mutex}. On native, a C program with the same
 * names and MAX_ELEMENTS_PLUS_ONE joins it; on sim, several simulated processes share the terminal.
 */
@Command(name = "ex4", mixinStandardHelpOptions = true, description = {"Exercise 4: a ring buffer in shared memory with named semaphores; commands g and p<text>.",
    "Semaphores are NAME-empty, NAME-full, NAME-mutex. On sim, 'A: pfoo', 'B: g', 'ps', 'maps'."})
final class Ex4Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Option(names = "--name", paramLabel = "/NAME", defaultValue = Exercise4.DEFAULT_NAME,
            description = "the shared memory object (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "10",
            description = "items the buffer holds: MAX_ELEMENTS_PLUS_ONE - 1 (default ${DEFAULT-VALUE})")
    int capacity;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "sim: how many processes share the terminal (default ${DEFAULT-VALUE})")
    int procs;

    @Override
    public Integer call() {
        String checked = SharedName.check(name);
        if (capacity < 1 || capacity > 999_999) {
            throw new UsageError("--capacity=" + capacity + ": a ring buffer holds 1 to 999999 items");
        }
        String[] args = {checked, Integer.toString(capacity)};
        Backend chosen = backend.resolve();
        var machine = shmSize.options();
        if (!chosen.runsRealProcesses()) {
            return SimSession.exercise4(chosen, machine, args, procs, root.console(), root.cleanUp());
        }
        root.console().completeWith(List.of("g", "p", "q"));
        shmSize.refuseInThisJvm("ex4");
        return InProcess.run(chosen, new Exercise4(args), root.console(), root.cleanUp(), "ex4",
                ShmEntries.of(List.of(checked), Exercise4.semaphoreNames(checked)));
    }
}
