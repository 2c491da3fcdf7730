package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Backends;
import picocli.CommandLine.Option;

/** {@code --backend=sim|native}: which operating system runs the lab. The simulator by default. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "sim|native", defaultValue = "sim",
            description = "sim (an OS simulated in the JVM, the default) or native (the real kernel and glibc)")
    String name;

    /**
     * The backend, able to run here.
     *
     * @throws BackendUnavailableException with one line saying why not
     */
    Backend resolve() {
        Backend backend = Backends.get(name);
        String why = backend.unavailableReason();
        if (why != null) {
            throw new BackendUnavailableException("--backend=" + backend.name() + " cannot run here: " + why);
        }
        return backend;
    }
}
