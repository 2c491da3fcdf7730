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
 * @param wokenBy for a blocked call going on: the label of the process whose turn woke it, or {@code null}
 * @param timedOut for a blocked call going on: it ended by its deadline (or its sleep's end)
 * @param wakes the labels of the processes this step woke from a blocked call
 * @param warnings what went wrong: "killed by SIGBUS"
 */
public record ExecStep(int process, Kind kind, Syscall call, String text, String result, long clockNanos,
        String wokenBy, boolean timedOut, List<String> wakes, List<String> warnings) {

    /** Copies. */
    public ExecStep {
        wakes = List.copyOf(wakes);
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

    /** The same step, waking one more process. */
    ExecStep waking(String label) {
        List<String> more = new java.util.ArrayList<>(wakes);
        more.add(label);
        return new ExecStep(process, kind, call, text, result, clockNanos, wokenBy, timedOut, more, warnings);
    }
}
