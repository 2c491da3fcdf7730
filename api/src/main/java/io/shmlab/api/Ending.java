package io.shmlab.api;

/** How a process of a run ended. */
public sealed interface Ending {

    /** True unless the process exited with status 0. */
    boolean failed();

    /** The process returned from main (or exited) with a status. */
    record Exited(int status) implements Ending {
        @Override
        public boolean failed() {
            return status != 0;
        }

        @Override
        public String toString() {
            return "exited with status " + status;
        }
    }

    /** A signal ended the process: a memory fault, or a kill. */
    record Killed(Signal signal, String detail) implements Ending {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String toString() {
            return "killed by " + signal + (detail == null ? "" : ": " + detail);
        }
    }

    /**
     * The process was blocked forever in a call: every live process was blocked with no timer left
     * (the simulator's deadlock), or a real process was still blocked at the timeout.
     */
    record Blocked(String call) implements Ending {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String toString() {
            return "blocked forever in " + call;
        }
    }
}
