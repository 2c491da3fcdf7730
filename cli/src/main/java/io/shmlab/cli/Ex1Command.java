package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.labs.Exercise1;
import java.util.ArrayList;
import java.util.List;
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
@Command(name = "ex1", mixinStandardHelpOptions = true, description = {"Exercise 1: a text, its version and a counter in /os_cp; commands r, w <text>, i <n>, d <n>, c <offset>, q.",
    "On sim, --procs processes share this terminal: 'A: w hello', 'B: r', 'ps', 'maps', 'help'."})
final class Ex1Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Option(names = "--name", paramLabel = "/NAME", defaultValue = Exercise1.DEFAULT_NAME,
            description = "the shared memory object (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--procs", paramLabel = "N", defaultValue = "2", description = "sim: how many processes share the terminal (default ${DEFAULT-VALUE})")
    int procs;

    @Option(names = "--read-only", description = "the exercise's change: mmap with PROT_READ alone (w is then SIGSEGV)")
    boolean readOnly;

    @Option(names = "--map-size", paramLabel = "BYTES",
            description = "the exercise's change: map this many bytes of the 1028-byte object (try 1048576, then 'c 8192': SIGBUS, and 'c -1': SIGSEGV)")
    Long mapSize;

    @Override
    public Integer call() {
        String checked = SharedName.check(name);
        List<String> args = new ArrayList<>();
        if (readOnly) {
            args.add(Exercise1.READ_ONLY);
        }
        if (mapSize != null) {
            if (mapSize < 1) {
                throw new UsageError("--map-size=" + mapSize + ": the mapping needs at least one byte");
            }
            args.add(Exercise1.MAP_SIZE + mapSize);
        }
        args.add(checked);
        String[] programArgs = args.toArray(String[]::new);
        Backend chosen = backend.resolve();
        var machine = shmSize.options();
        if (!chosen.runsRealProcesses()) {
            return SimSession.exercise1(chosen, machine, programArgs, procs, root.console(), root.cleanUp());
        }
        root.console().completeWith(List.of("r", "w ", "i ", "d ", "c ", "q"));
        shmSize.refuseInThisJvm("ex1");
        return InProcess.run(chosen, new Exercise1(programArgs), root.console(), root.cleanUp(), "ex1",
                ShmEntries.of(List.of(checked), List.of()));
    }
}
