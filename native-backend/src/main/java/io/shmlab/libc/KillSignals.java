package io.shmlab.libc;

import io.shmlab.api.Errno;
import io.shmlab.api.PosixException;
import io.shmlab.libc.turns.ProcessSignals;

/** {@link ProcessSignals} through glibc's kill(2); a process already gone (ESRCH) is left alone. */
final class KillSignals implements ProcessSignals {
    /** SIGCONT on x86_64 Linux. */
    static final int SIGCONT = 18;
    /** SIGSTOP on x86_64 Linux. */
    static final int SIGSTOP = 19;

    private final CheckedLibC libc;

    KillSignals(CheckedLibC libc) {
        this.libc = libc;
    }

    @Override
    public void stop(int pid) {
        send(pid, SIGSTOP);
    }

    @Override
    public void resume(int pid) {
        send(pid, SIGCONT);
    }

    private void send(int pid, int signal) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid=" + pid);
        }
        try {
            libc.kill(pid, signal);
        } catch (PosixException e) {
            if (e.errno() != Errno.ESRCH) {
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "kill(2) with SIGSTOP and SIGCONT";
    }
}
