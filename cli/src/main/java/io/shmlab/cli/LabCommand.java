package io.shmlab.cli;

import io.shmlab.labs.Labs;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose arguments come from the labs a user can name: the {@code <lab>} argument with its
 * list, the options of the labs' parameters. Picocli builds the rest of the command from its
 * annotations; {@link ShmlabCommand#commandLine} then has it declare these on its spec.
 */
interface LabCommand {

    /** Adds the arguments that depend on the labs to the command's spec. */
    void declare(CommandSpec spec, Labs labs);
}
