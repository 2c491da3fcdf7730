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
     * (the simulator's deadlock, or real processes each asleep in an untimed wait that nothing is
     * left to end).
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

    /**
     * The process was stopped because the run made no progress (no call of the program returned in
     * any process) for so long: a timeout, which says nothing about a deadlock.
     *
     * @param call the call it was in when stopped, or {@code null} when in none
     * @param waitingOn the object or semaphore the call waits on, such as {@code /myData}, or {@code null}
     * @param quiet how long the run had made no progress
     */
    record Stalled(String call, String waitingOn, java.time.Duration quiet) implements Ending {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String toString() {
            return "stopped after no progress for " + Durations.inWords(quiet)
                    + (call == null ? ", in no blocking call" : ", in " + call)
                    + (waitingOn == null ? "" : " on " + waitingOn);
        }
    }
}
