package io.shmlab.sim.sched;

import java.util.List;

/**
 * One row of a {@link Trace}: what one process did between two scheduling points.
 *
 * @param index the row number, from 0
 * @param process the process's label (A, B, ...)
 * @param pid the process's pid
 * @param kind what kind of step it was
 * @param call the C function ({@code "sem_wait"}), {@code "load"}/{@code "store"} for a memory
 *     access, {@code "exit"} for the end of a process
 * @param arguments the arguments as C would print them
 * @param result what the call returned (or the errno), {@code null} while it is blocked
 * @param clockNanos the virtual CLOCK_REALTIME when the step ran
 * @param notes what the step did to others or had done to it: "wakes B", "woken", "timed out"
 * @param warnings undefined behaviour the kernel noticed during the step
 */
public record Step(int index, String process, int pid, Kind kind, String call, String arguments, String result,
        long clockNanos, List<String> notes, List<String> warnings) {

    /** Copies. */
    public Step {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The kinds of step. */
    public enum Kind {
        /** A system call that ran to its end without blocking. */
        CALL,
        /** A system call that blocked (on a futex, or sleeping): it goes on in a later RESUMED step. */
        BLOCKED,
        /** A blocked system call going on after it was woken or its time came, up to its end. */
        RESUMED,
        /** A load or store through a mapping (per-access granularity only). */
        ACCESS,
        /** The process ended. */
        EXIT
    }

    /** The call as C would write it: {@code sem_wait(0x7f0000000000)}. */
    public String callText() {
        return arguments == null ? call + "()" : call + "(" + arguments + ")";
    }

    /** One line: {@code A sem_wait(0x7f0000000000) = 0}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(process).append(' ').append(callText());
        switch (kind) {
            case BLOCKED -> b.append(" blocks");
            case RESUMED -> b.append(" resumes");
            default -> { }
        }
        if (result != null) {
            b.append(" = ").append(result);
        }
        for (String n : notes) {
            b.append(" [").append(n).append(']');
        }
        for (String w : warnings) {
            b.append(" [warning: ").append(w).append(']');
        }
        return b.toString();
    }
}
