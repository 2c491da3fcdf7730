package io.shmlab.cli;

import picocli.CommandLine.Option;

/**
 * {@code --backend} of a command that runs on the simulator alone ({@code explore}, {@code step}):
 * {@code sim} is accepted, anything else is one line saying where real processes come in.
 */
final class SimOnlyOption {

    @Option(names = "--backend", paramLabel = "sim", defaultValue = "sim",
            description = "sim only: this command runs on the simulator (a schedule it finds runs on real processes"
                    + " with shmlab replay <lab> <token> --backend=native)")
    String name;

    /** Refuses any backend but the simulator. */
    void check(String command) {
        if (!"sim".equals(name)) {
            throw new UsageError(command + " runs on the simulator only (--backend=sim); a schedule it finds runs on real"
                    + " processes with: shmlab replay <lab> <token> --backend=native");
        }
    }
}
