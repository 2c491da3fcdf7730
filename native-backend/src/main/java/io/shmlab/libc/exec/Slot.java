package io.shmlab.libc.exec;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessLabel;
import io.shmlab.api.Signal;
import io.shmlab.api.Syscall;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One process of a conducted run as its conductor follows it. */
final class Slot {
    /** How long a process that is gone may take to be reaped before its status is read. */
    private static final long GRACE_SECONDS = 5;
    private static final String GONE_WORDS = "gone without exit(3): a signal or _exit";

    final int index;
    final String label;
    final Process process;
    final Path output;
    int pid;
    int tid;

    /** The call it is parked at, or null. */
    Syscall pending;
    String pendingText;
    /** The call it was given a turn for and whose step is not known yet, or null. */
    Syscall given;
    String givenText;
    /** The turn given is its blocked call going on (it may block again). */
    boolean givenResume;
    /** How its blocked call blocks (0: not blocked). */
    int blocks;
    Syscall blockedCall;
    String blockedText;
    long deadline;
    long waitAddress;
    /** Back from its blocked call (or its virtual sleep is over): its next turn is the call going on. */
    boolean resuming;
    /** What ended its blocked call, for the step of its going on: the process that woke it ({@code null}: none), or its deadline. */
    String wokenBy;
    boolean timedOut;
    /** Took its exit turn, or is gone. */
    boolean ended;
    boolean dead;
    int exitStatus;
    String lastCall = "";

    Slot(int index, Process process, Path output) {
        this.index = index;
        this.label = ProcessLabel.of(index);
        this.process = process;
        this.output = output;
        this.pid = process == null ? 0 : (int) process.pid();
    }

    boolean alive() {
        if (process != null) {
            return process.isAlive();
        }
        Optional<ProcessHandle> handle = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        return handle.map(ProcessHandle::isAlive).orElse(false);
    }

    /** How it went, when it is gone without its exit turn: the signal that killed it, or its status. */
    String deathWords() {
        Integer status = reapedStatus();
        if (status == null) {
            return GONE_WORDS;
        }
        Signal signal = Signal.ofExitStatus(status);
        return signal != null ? "killed by " + signal + (lastCall.isEmpty() ? "" : " after " + lastCall)
                : "ended without exit(3) (_exit?), status " + status;
    }

    /** Its ending, when it is gone without its exit turn: killed by a signal, or an exit without exit(3). */
    Ending deathEnding() {
        Integer status = reapedStatus();
        if (status == null) {
            return new Ending.Killed(Signal.SIGKILL, GONE_WORDS);
        }
        Signal signal = Signal.ofExitStatus(status);
        return signal != null ? new Ending.Killed(signal, lastCall.isEmpty() ? null : "after " + lastCall)
                : new Ending.Exited(status);
    }

    /** Gone, killed by SIGINT or SIGTERM: what a terminal's Ctrl-C, or a signal to shmlab's process group, does. */
    boolean killedByInterrupt() {
        if (!dead || process == null || process.isAlive()) {
            return false;
        }
        Signal signal = Signal.ofExitStatus(process.exitValue());
        return signal == Signal.SIGINT || signal == Signal.SIGTERM;
    }

    /**
     * The exit value of its process, reaped within the grace; {@code null} when it is still there or is
     * not this JVM's child (a process a fork made).
     */
    private Integer reapedStatus() {
        if (process == null) {
            return null;
        }
        try {
            process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? null : process.exitValue();
    }

    void kill() {
        if (process != null) {
            process.destroyForcibly();
        } else if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
