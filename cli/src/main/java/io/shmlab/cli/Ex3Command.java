package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.labs.Exercise3;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex3 wait|post}: Exercise 3's two programs on a named semaphore. On native each is a
 * real process (run {@code wait} in one terminal, {@code post} in another, or a C program for either
 * side); on sim both run in one simulated machine, the waiter first, so the post wakes it.
 */
@Command(name = "ex3", mixinStandardHelpOptions = true, description = {"Exercise 3: wait creates a named semaphore with value 0 and waits on it; post opens and posts it.",
    "On sim, both sides run in one simulated machine: the one asked for, and the other."})
final class Ex3Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Parameters(index = "0", paramLabel = "wait|post", description = "which program: wait or post")
    String role;

    @Mixin
    BackendOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Option(names = "--name", paramLabel = "/NAME", defaultValue = Exercise3.DEFAULT_NAME,
            description = "the semaphore's name (default ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() {
        Exercise3.Role parsed;
        try {
            parsed = Exercise3.parseRole(role);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (parsed == Exercise3.Role.AUTO) {
            throw new UsageError("ex3 takes wait or post; 'auto' is for shmlab run ex3");
        }
        String checked = SharedName.check(name);
        Backend chosen = backend.resolve();
        var machine = shmSize.options();
        if (!chosen.runsRealProcesses()) {
            return SimSession.exercise3(chosen, machine, parsed, checked, root.console(), root.cleanUp());
        }
        List<String> made = parsed == Exercise3.Role.WAIT ? ShmEntries.of(List.of(), List.of(checked)) : List.of();
        shmSize.refuseInThisJvm("ex3");
        return InProcess.run(chosen, new Exercise3(new String[] {role, checked}), root.console(), root.cleanUp(),
                "ex3 " + parsed.name().toLowerCase(java.util.Locale.ROOT), made);
    }
}
