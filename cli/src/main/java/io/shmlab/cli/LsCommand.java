package io.shmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab ls}: ipcs for POSIX shared memory, which Linux lacks. Lists the host's /dev/shm: each
 * object and named semaphore with its size, mode, owner, age, which processes have it open or mapped,
 * and each semaphore's value and waiters, with a hint where a semaphore is 0 and no process has it
 * open. Inside a session on the simulator ({@code shmlab ex1}, ...) the terminal's own {@code ls} shows
 * the simulated machine's namespace the same way.
 */
@Command(name = "ls", mixinStandardHelpOptions = true, description = {
    "List the host's POSIX shared memory objects and named semaphores (/dev/shm): size, mode, owner, age,",
    "the processes that have each open or mapped, each semaphore's value and waiters, and 'holder died?' hints.",
    "On the simulator, type ls inside a session (shmlab ex1, ex2, ex3, ex4): it lists the simulated /dev/shm."})
final class LsCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Mixin
    NativeOnlyOption backend;

    @Override
    public Integer call() throws IOException {
        backend.check("ls");
        if (!Files.isDirectory(HostShm.DIRECTORY)) {
            throw new io.shmlab.api.BackendUnavailableException("there is no " + HostShm.DIRECTORY + " here (POSIX shared memory on Linux)");
        }
        List<ShmEntryInfo> entries = HostShm.list();
        ShmListing.lines(HostShm.DIRECTORY.toString(), entries).forEach(root.console()::println);
        return ExitCodes.OK;
    }
}
