package io.shmlab.libc.turns;

/** What a turn of an ordered run is for, and so who takes it. */
public enum TurnKind {
    /** The process enters a call that runs to its end without blocking; it takes the turn itself. */
    CALL(true),
    /**
     * The process enters a call that blocks in the kernel. It takes the turn itself; once it is seen
     * asleep in the kernel, the supervisor hands the turn on for it.
     */
    BLOCKS(true),
    /**
     * A call already blocked blocks again (woken, then asleep once more): nobody takes it; the
     * supervisor hands it on once the process is seen asleep, or has already come back.
     */
    BLOCKS_AGAIN(false),
    /** A blocked call comes back to its end: the process takes the turn as it returns. */
    RESUMED(true),
    /** The process ends: it takes the turn after its program returned. */
    EXIT(true);

    private final boolean postsOwner;

    TurnKind(boolean postsOwner) {
        this.postsOwner = postsOwner;
    }

    /** Whether the turn's coming posts its owner's turnstile (the owner takes it itself). */
    public boolean postsOwner() {
        return postsOwner;
    }
}
