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
     * @throws UsageError for a name no backend has
     * @throws BackendUnavailableException with one line saying why a known one cannot run here
     */
    Backend resolve() {
        return resolve(io.shmlab.api.MachineOptions.DEFAULT);
    }

    /**
     * The backend, able to run here with these machine options.
     *
     * @throws UsageError for a name no backend has
     * @throws BackendUnavailableException with one line saying why it cannot run here, so set up
     */
    Backend resolve(io.shmlab.api.MachineOptions options) {
        java.util.List<String> known = Backends.all().stream().map(Backend::name).toList();
        if (!known.contains(name)) {
            throw new UsageError("unknown backend " + Echo.quoted(name) + "; backends are " + String.join(" and ", known));
        }
        Backend backend = Backends.get(name);
        String why = backend.unavailableReason();
        if (why != null) {
            throw new BackendUnavailableException("--backend=" + backend.name() + " cannot run here: " + why);
        }
        String withOptions = options.isDefault() ? null : backend.unavailableReason(options);
        if (withOptions != null) {
            throw new BackendUnavailableException("--backend=" + backend.name() + " --shm-size="
                    + options.shmSize().option() + " cannot run here: " + withOptions);
        }
        return backend;
    }
}
