package io.shmlab.api;

/** The Linux signals (x86_64 numbers) that end or interrupt a process in shmlab. */
public enum Signal {
    /** Interrupt from the keyboard (Ctrl-C); Exercise 2 stops on it. */
    SIGINT(2),
    /** Abort. */
    SIGABRT(6),
    /** Bus error: an access to a page of a mapping that lies wholly past the end of its object. */
    SIGBUS(7),
    /** Kill: cannot be caught. */
    SIGKILL(9),
    /** Segmentation violation: an access outside every mapping or against its protection. */
    SIGSEGV(11),
    /** Termination request. */
    SIGTERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The Linux x86_64 signal number. */
    public int number() {
        return number;
    }

    /** The exit status a shell shows for a process this signal ended: 128 + its number. */
    public int exitStatus() {
        return 128 + number;
    }

    /** The signal an exit status of 128 + N stands for, or {@code null} (a status of 128 or less, or N not modelled). */
    public static Signal ofExitStatus(int status) {
        return status > 128 ? of(status - 128) : null;
    }

    /** The signal with this number, or {@code null} when shmlab does not model it. */
    public static Signal of(int number) {
        for (Signal s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return null;
    }
}
