package io.shmlab.api;

/** The msync(2) flags, with their Linux values. Exactly one of MS_ASYNC and MS_SYNC is given. */
public final class SyncFlags {
    /** Schedule the write-back and return. */
    public static final int MS_ASYNC = 1;
    /** Invalidate other mappings of the same file (a no-op on Linux). */
    public static final int MS_INVALIDATE = 2;
    /** Write back and wait until it is done. */
    public static final int MS_SYNC = 4;

    private SyncFlags() {
    }
}
