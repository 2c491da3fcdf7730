package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import java.util.List;

/**
 * Runs one lab in this JVM's own process on the native backend, its standard input and output being
 * the command's console: the way to run an exercise beside the seed's C programs, each in its own
 * terminal.
 *
 * <p>The names the lab may make are claimed first ({@link MadeNames#removedWhenInterrupted}): what it
 * makes is the user's when it quits (as the C program leaves it, for the next program to use), and is
 * removed when Ctrl-C or SIGTERM ends it, unless another process uses it. A semaphore wait that lasts
 * a few seconds is named on the error stream ({@link WaitNotice}).
 */
final class InProcess {

    private InProcess() {
    }

    /**
     * Runs it and returns the exit status a shell would see.
     *
     * @param command the command as a user typed it, for the record of what it made ({@code ex1})
     * @param entries the entries of /dev/shm the lab may make
     */
    static int run(Backend backend, Program program, Console console, CleanUp cleanUp, String command, List<String> entries) {
        try (Machine machine = backend.boot()) {
            Os process = machine.spawn();
            OwnedNames.sweep(process).forEach(console::println);
            MadeNames.removedWhenInterrupted(cleanUp, process, command, entries, machine.listShm());
            TestHook.reached(TestHook.START_UP);
            Ending ending = LocalRun.run(program, new WaitNotice(new ConsoleOs(process, console), console), console);
            if (ending instanceof Ending.Killed killed) {
                console.error("shmlab: " + killed);
            }
            return LocalRun.exitStatus(ending);
        }
    }
}
