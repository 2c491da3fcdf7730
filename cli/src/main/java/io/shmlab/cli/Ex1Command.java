package io.shmlab.cli;

import io.shmlab.labs.Exercise1;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex1}: Exercise 1's interactive program. On native it is one real process sharing
 * {@code /os_cp} with any other (C programs included); on sim several simulated processes share the
 * terminal.
 */
@Command(name = "ex1", mixinStandardHelpOptions = true, description = {"Exercise 1: a text, its version and a counter in /os_cp; commands r, w <text>, i <n>, d <n>, q.",
    "On sim, --procs processes share this terminal: 'A: w hello', 'B: r', 'ps', 'maps', 'help'."})
final class Ex1Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Option(names = "--name", paramLabel = "/NAME", defaultValue = Exercise1.DEFAULT_NAME,
            description = "the shared memory object (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "sim: how many processes share the terminal (default ${DEFAULT-VALUE})")
    int procs;

    @Override
    public Integer call() {
        String checked = SharedName.check(name);
        if (backend.isSim()) {
            return SimSession.exercise1(backend.resolve(), checked, procs, root.console());
        }
        return InProcess.run(backend.resolve(), new Exercise1(new String[] {checked}), root.console());
    }
}
