package io.shmlab.libc.exec;

import io.shmlab.api.Syscall;
import java.util.List;

/**
 * One step of a conducted run, as the simulator's trace has them: a call that came back, a call that
 * blocked, a blocked call going on, a process's end.
 *
 * @param process the process's slot (0 for A)
 * @param kind what kind of step
 * @param call the call
 * @param text the call as C writes it, with its arguments
 * @param result what it returned, in words; {@code null} for a call that blocked
 * @param clockNanos the run's clock when the step ran: virtual unless sleeps take real time
 * @param notes "woken by A", "timed out", "wakes B"
 * @param warnings what went wrong: "killed by SIGBUS"
 */
public record ExecStep(int process, Kind kind, Syscall call, String text, String result, long clockNanos,
        List<String> notes, List<String> warnings) {

    /** Copies. */
    public ExecStep {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The kinds of step. */
    public enum Kind {
        /** A call that came back without blocking. */
        CALL,
        /** A call that blocked. */
        BLOCKED,
        /** A blocked call going on to its end. */
        RESUMED,
        /** The process ended. */
        EXIT
    }

    /** The same step with one more note. */
    ExecStep withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ExecStep(process, kind, call, text, result, clockNanos, more, warnings);
    }
}
