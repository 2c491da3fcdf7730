package io.shmlab.libc.exec;

import io.shmlab.api.Syscall;
import java.nio.file.Path;
import io.shmlab.api.Signal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One process of a conducted run as its conductor follows it. */
final class Slot {
    /** How long a process that is gone may take to be reaped before its status is read. */
    private static final long GRACE_SECONDS = 5;

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
    String resumeResult;
    String resumeNote;
    /** Took its exit turn, or is gone. */
    boolean ended;
    boolean dead;
    int exitStatus;
    String lastCall = "";

    Slot(int index, Process process, Path output) {
        this.index = index;
        this.label = label(index);
        this.process = process;
        this.output = output;
        this.pid = process == null ? 0 : (int) process.pid();
    }

    /** A, B, ... as the runs label processes. */
    static String label(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index;
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
        if (process != null) {
            try {
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!process.isAlive()) {
                int v = process.exitValue();
                Signal signal = v > 128 ? Signal.of(v - 128) : null;
                return signal != null ? "killed by " + signal + (lastCall.isEmpty() ? "" : " after " + lastCall)
                        : "ended without exit(3) (_exit?), status " + v;
            }
        }
        return "gone without exit(3): a signal or _exit";
    }

    /** Gone, killed by SIGINT or SIGTERM: what a terminal's Ctrl-C, or a signal to shmlab's process group, does. */
    boolean killedByInterrupt() {
        if (!dead || process == null || process.isAlive()) {
            return false;
        }
        int v = process.exitValue();
        return v == 128 + Signal.SIGINT.number() || v == 128 + Signal.SIGTERM.number();
    }

    void kill() {
        if (process != null) {
            process.destroyForcibly();
        } else if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
