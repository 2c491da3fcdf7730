package io.shmlab.sim.sched;

import io.shmlab.api.Footprint;
import io.shmlab.api.Syscall;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a {@link Trace}: what one process did between two scheduling points.
 *
 * @param index the row number, from 0
 * @param process the process's label (A, B, ...)
 * @param pid the process's pid
 * @param kind what kind of step it was
 * @param call the call ({@link Syscall#SEM_WAIT}), {@link Syscall#LOAD}/{@link Syscall#STORE} for a
 *     memory access, {@link Syscall#EXIT} for the end of a process
 * @param arguments the arguments as C would print them
 * @param result what the call returned (or the errno), {@code null} while it is blocked
 * @param clockNanos the virtual CLOCK_REALTIME when the step ran
 * @param footprint what the step touched: the call's footprint, or the bytes a memory access touched
 * @param wokenBy the label of the process whose call woke this one from its futex wait before the
 *     step ran, or {@code null}
 * @param timedOut whether the step's process came back from a wait because its deadline passed
 * @param wakes the labels of the processes this step woke from a futex wait, in the order woken
 * @param warnings undefined behaviour the kernel noticed during the step
 */
public record Step(int index, String process, int pid, Kind kind, Syscall call, String arguments, String result,
        long clockNanos, Footprint footprint, String wokenBy, boolean timedOut, List<String> wakes,
        List<String> warnings) {

    /** Copies. */
    public Step {
        wakes = List.copyOf(wakes);
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
        return arguments == null ? call.cName() + "()" : call.cName() + "(" + arguments + ")";
    }

    /**
     * What happened to and by the step, in words, as timelines print them: "woken by A" or "timed
     * out", then "wakes B" for each process it woke.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(wakes.size() + 1);
        if (wokenBy != null) {
            notes.add("woken by " + wokenBy);
        }
        if (timedOut) {
            notes.add("timed out");
        }
        for (String w : wakes) {
            notes.add("wakes " + w);
        }
        return notes;
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
        for (String n : notes()) {
            b.append(" [").append(n).append(']');
        }
        for (String w : warnings) {
            b.append(" [warning: ").append(w).append(']');
        }
        return b.toString();
    }
}
