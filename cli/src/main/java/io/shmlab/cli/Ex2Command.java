package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.labs.Exercise1;
import io.shmlab.labs.Exercise2;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ex2}: Exercise 2's writer. On native it writes into the real {@code /os_cp} until
 * Ctrl-C (which, as in the C, ends the loop and unmaps); on sim it runs as process W beside an
 * Exercise 1 reader A in one terminal, so that {@code r} shows the text changing under it.
 */
@Command(name = "ex2", mixinStandardHelpOptions = true, description = {"Exercise 2: the writer that fills the text of /os_cp with letters until stopped (Ctrl-C).",
    "On sim, writer W runs beside an Exercise 1 reader A in this terminal: type r to read, 'kill W' to stop it."})
final class Ex2Command implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    BackendOption backend;

    @Mixin
    ShmSizeOption shmSize;

    @Option(names = "--name", paramLabel = "/NAME", defaultValue = Exercise1.DEFAULT_NAME,
            description = "the shared memory object (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "0",
            description = "stop after N passes over the alphabet (default 0: until stopped)")
    int rounds;

    @Override
    public Integer call() {
        String checked = SharedName.check(name);
        if (rounds < 0) {
            throw new UsageError("--rounds=" + rounds + ": give 0 (until stopped) or more");
        }
        String[] args = {checked, Integer.toString(rounds)};
        Backend chosen = backend.resolve();
        var machine = shmSize.options();
        if (!chosen.runsRealProcesses()) {
            return SimSession.exercise2(chosen, machine, args, root.console(), root.cleanUp());
        }
        shmSize.refuseInThisJvm("ex2");
        Exercise2 writer = new Exercise2(args);
        CountDownLatch finished = new CountDownLatch(1);
        root.cleanUp().onInterrupt(() -> {
            // the C program's SIGINT handler: the loop ends after the letter being written
            writer.stop();
            try {
                finished.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            return InProcess.run(chosen, writer, root.console(), root.cleanUp(), "ex2", ShmEntries.of(List.of(checked), List.of()));
        } finally {
            finished.countDown();
        }
    }
}
