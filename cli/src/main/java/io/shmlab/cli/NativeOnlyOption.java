package io.shmlab.cli;

import io.shmlab.api.Backend;
import picocli.CommandLine.Option;

/** {@code --backend} of a command that works on the host alone: native, the default; anything else is refused in one line. */
final class NativeOnlyOption {

    @Option(names = "--backend", paramLabel = "native", defaultValue = "native",
            description = "native (the host's /dev/shm, the default)")
    String name;

    /** The native backend, able to run here. */
    Backend resolve(String command) {
        check(command);
        BackendOption option = new BackendOption();
        option.name = name;
        return option.resolve();
    }

    /** Refuses any backend but native. */
    void check(String command) {
        if (!"native".equals(name)) {
            throw new UsageError(command + " works on the host's /dev/shm (--backend=native); a simulated machine lives only"
                    + " inside its session: type ls there (shmlab ex1, ex2, ex3, ex4)");
        }
    }
}
