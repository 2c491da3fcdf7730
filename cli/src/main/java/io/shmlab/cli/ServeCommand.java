package io.shmlab.cli;

import io.shmlab.web.SourceLines;
import io.shmlab.web.TraceJson;
import io.shmlab.web.serve.Catalog;
import io.shmlab.web.serve.LabServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab serve}: the schedule page live, on 127.0.0.1 only: choose a lab, explore it, open a
 * failing schedule, or be the scheduler in step mode. It prints the page's address and serves until
 * the process is stopped (Ctrl-C); the server's threads are daemons, so nothing is left behind.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {"Serve the schedule pages on this machine (127.0.0.1 only): "
        + "explore a lab, open a failing schedule, step a run by clicking lanes.",
    "Prints the address to open; Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "the port to listen on (default: one the system chooses)")
    int port;

    @picocli.CommandLine.Mixin
    ShmSizeOption shmSize;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port=" + port + ": give 0 to 65535");
        }
        Console console = root.console();
        try (LabServer server = LabServer.start(Catalog.of(root.labs()).withShmSize(shmSize.size()), new TraceJson(SourceLines.fromWorkingFolder()), port)) {
            console.println("shmlab serves " + server.uri() + "  (127.0.0.1 only; Ctrl-C stops it)");
            new java.util.concurrent.CountDownLatch(1).await();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UsageError("cannot listen on port " + port + ": " + e.getMessage());
        }
    }
}
