package io.shmlab.cli;

import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ShmNamespace;
import io.shmlab.libc.NativeBackend;
import io.shmlab.libc.exec.CBuild;
import io.shmlab.libc.exec.ExecProgram;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.exec.Executable;
import io.shmlab.libc.exec.NotRunnableException;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.libc.turns.ConductedBlock.MadeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the {@code --exec} commands share: the binary checked (a static binary, or no binary at all, is
 * refused in one line), the turnstile built on first use (one line where there is no C compiler), the
 * control block's name claimed in the clean-up registry (an old one left by a SIGKILL is swept first),
 * and each run's names, told as the processes make them, written down ({@link OwnedNames}) and removed
 * on every way out; what a SIGKILL of shmlab leaves, the next command sweeps. A run asks the clean-up
 * registry whether a signal is ending the command, and stops at once when one is
 * ({@link ExecRun.End#INTERRUPTED}).
 */
final class ExecRuns implements AutoCloseable {
    private static int sequence;

    private final ExecProgram program;
    private final ExecRun.Settings settings;
    private final Path library;
    private final String controlName;
    private final Path outputs;
    private final Set<MadeName> live = ConcurrentHashMap.newKeySet();
    private final Machine machine = new NativeBackend().boot();
    private final Os os = machine.spawn();
    private OwnedNames record;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    private ExecRuns(ExecProgram program, ExecRun.Settings settings, Path library, String controlName, Path outputs) {
        this.program = program;
        this.settings = settings;
        this.library = library;
        this.controlName = controlName;
        this.outputs = outputs;
    }

    /**
     * Prepares runs of a binary.
     *
     * @param args its arguments, {@code {i}} unreplaced
     * @param command the command's name, for the record of what it makes
     */
    static ExecRuns open(Path binary, List<String> args, ExecOption options, int processes, Duration quiet, Console console,
            CleanUp cleanUp, String command) {
        if (processes < 1 || processes > 16) {
            throw new UsageError("--procs=" + processes + ": run 1 to 16 processes of a C program");
        }
        Path checked;
        Path library;
        try {
            checked = Executable.check(binary);
        } catch (NotRunnableException e) {
            throw new UsageError(e.getMessage());
        }
        try {
            library = CBuild.turnstile();
        } catch (NotRunnableException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
        if (options.stdinEach.size() > 1 && options.stdinEach.size() != processes) {
            throw new UsageError("--stdin-each given " + options.stdinEach.size() + " times for " + processes
                    + " processes: give it once, or once per process");
        }
        ExecProgram program = new ExecProgram(checked, args, options.stdinEach);
        for (int i = 0; i < processes; i++) {
            Path in = program.stdinOf(i);
            if (in != null && !Files.isReadable(in)) {
                throw new UsageError("--stdin-each: " + in + " cannot be read");
            }
        }
        String control;
        synchronized (ExecRuns.class) {
            control = "/shmlab-exec-" + ProcessHandle.current().pid() + "-" + (++sequence) + "-turns";
        }
        Path outputs;
        try {
            outputs = Files.createTempDirectory("shmlab-exec");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecRuns runs = new ExecRuns(program,
                new ExecRun.Settings(processes, options.realTime, quiet, cleanUp::isInterrupted), library, control, outputs);
        try (Machine machine = new NativeBackend().boot()) {
            Os os = machine.spawn();
            OwnedNames.sweep(os).forEach(console::println);
            MadeNames.removedOnExit(cleanUp, os, command, List.of(ShmNamespace.objectFile(control)), machine.listShm());
        }
        OwnedNames made = OwnedNames.record(command, List.of());
        runs.record = made;
        cleanUp.always(() -> {
            List<String> removed = runs.removeLive();
            made.forget();
            return removed;
        });
        cleanUp.always(runs::removeOutputs);
        TestHook.startingChildren();
        return runs;
    }

    ExecProgram program() {
        return program;
    }

    ExecRun.Settings settings() {
        return settings;
    }

    /** One run under a chooser. */
    ExecRun.Result run(TurnChooser chooser) {
        try {
            return ExecRun.run(os, program, settings, library, controlName, chooser, this::made, outputs);
        } catch (NotRunnableException e) {
            throw new UsageError(e.getMessage());
        } finally {
            live.clear();
        }
    }

    /** A process made a name: written down first, so that a SIGKILL's leftover is recognised later. */
    private void made(MadeName name) {
        live.add(name);
        if (record != null && recorded.add(name.entry())) {
            record.add(name.entry());
        }
    }

    /** Removes what the processes of a run cut short made (a Ctrl-C). */
    private List<String> removeLive() {
        List<String> removed = new ArrayList<>();
        if (live.isEmpty()) {
            return removed;
        }
        try (Machine machine = new NativeBackend().boot()) {
            Os os = machine.spawn();
            for (MadeName name : live) {
                if (name.unlinkIfPresent(os)) {
                    removed.add(name.shown());
                }
            }
        } catch (RuntimeException e) {
            // nothing more can be done from here
        }
        live.clear();
        return removed;
    }

    private List<String> removeOutputs() {
        try (Stream<Path> files = Files.walk(outputs)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
        return List.of();
    }

    @Override
    public void close() {
        removeOutputs();
        machine.close();
    }
}
