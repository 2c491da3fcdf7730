package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.Program;

/**
 * Runs one lab in this JVM's own process on the native backend, its standard input and output being
 * the command's console: the way to run an exercise beside the seed's C programs, each in its own
 * terminal.
 */
final class InProcess {

    private InProcess() {
    }

    /** Runs it and returns the exit status a shell would see. */
    static int run(Backend backend, Program program, Console console) {
        try (Machine machine = backend.boot()) {
            Ending ending = LocalRun.run(program, new ConsoleOs(machine.spawn(), console), console);
            if (ending instanceof Ending.Killed killed) {
                console.error("shmlab: " + killed);
            }
            return LocalRun.exitStatus(ending);
        }
    }
}
