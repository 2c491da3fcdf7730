package io.shmlab.api;

/** The mmap(2) flags this api supports, with their Linux x86_64 values. */
public final class MapFlags {
    /** Stores are visible to every process mapping the same object, and carried to the object. */
    public static final int MAP_SHARED = 0x01;
    /** Copy-on-write: stores stay in this process. */
    public static final int MAP_PRIVATE = 0x02;
    /** No object: zero-filled memory (shared with children after fork when MAP_SHARED). */
    public static final int MAP_ANONYMOUS = 0x20;

    private MapFlags() {
    }
}
