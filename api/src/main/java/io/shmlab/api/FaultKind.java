package io.shmlab.api;

/**
 * Why the kernel raised a memory fault, with the signal and the {@code si_code} Linux reports.
 */
public enum FaultKind {
    /**
     * The address is inside a mapping of an object, but its page lies wholly past the end of the
     * object (the tail of the last partial page reads as zero and does not fault). SIGBUS, BUS_ADRERR.
     */
    PAST_END_OF_OBJECT(Signal.SIGBUS, "BUS_ADRERR"),
    /**
     * The address is inside a mapping of an object in /dev/shm, on a page below the object's end that
     * was never touched (a hole), and the tmpfs has no page left to allocate for it: the first load or
     * store of a page allocates it, and a full tmpfs answers with SIGBUS. Linux reports BUS_ADRERR, as
     * for an access past the end; the kind says which.
     */
    NO_SPACE(Signal.SIGBUS, "BUS_ADRERR"),
    /** The address is in no mapping of the process (never mapped, or unmapped). SIGSEGV, SEGV_MAPERR. */
    NOT_MAPPED(Signal.SIGSEGV, "SEGV_MAPERR"),
    /** The address is mapped, but the mapping's protection refuses the access. SIGSEGV, SEGV_ACCERR. */
    PROTECTION(Signal.SIGSEGV, "SEGV_ACCERR");

    private final Signal signal;
    private final String code;

    FaultKind(Signal signal, String code) {
        this.signal = signal;
        this.code = code;
    }

    /** The signal Linux delivers for this fault. */
    public Signal signal() {
        return signal;
    }

    /** The {@code si_code} of the siginfo Linux delivers, by name. */
    public String code() {
        return code;
    }
}
