package io.shmlab.cli;

import io.shmlab.labs.LabDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code shmlab labs}: the exercises, one line each. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "List the exercises, one line each.")
final class LabsCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Override
    public Integer call() {
        Console console = root.console();
        for (LabDefinition lab : root.labs().all()) {
            console.println(String.format("%-10s %s", lab.id(), lab.summary()));
        }
        console.println("");
        console.println("Interactive: shmlab ex1 | ex2 | ex3 wait|post | ex4 | ex5 [--backend=sim|native]");
        console.println("Several at once: shmlab run|explore|step <lab> --procs=N; shmlab replay <lab> <token>; shmlab demo");
        console.println("");
        console.println("C twins (each lab's run-mode program in C, call for call; built on first use for replay <lab> <token> --exec):");
        for (String id : io.shmlab.exec.CTwins.labs()) {
            console.println(String.format("  %-10s %s", id, io.shmlab.exec.CTwins.source(id).orElseThrow()));
        }
        return ExitCodes.OK;
    }
}
