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

    /** The flags as C would write them, e.g. {@code MAP_SHARED|MAP_ANONYMOUS}; unknown bits in hex. */
    public static String describe(int flags) {
        StringBuilder s = new StringBuilder();
        int rest = flags;
        if ((rest & MAP_SHARED) != 0) {
            s.append("MAP_SHARED");
        }
        if ((rest & MAP_PRIVATE) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("MAP_PRIVATE");
        }
        if ((rest & MAP_ANONYMOUS) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("MAP_ANONYMOUS");
        }
        rest &= ~(MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS);
        if (rest != 0 || s.length() == 0) {
            s.append(s.length() > 0 ? "|" : "").append("0x").append(Integer.toHexString(rest));
        }
        return s.toString();
    }
}
