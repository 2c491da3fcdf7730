package io.shmlab.libc;

/**
 * The pages of one mapping known to be allocated: touched once through madvise(MADV_POPULATE_READ or
 * _WRITE), so a load or store there cannot meet a full tmpfs. A cache, one bit a page, grown to the
 * highest page touched; pages past {@link #MAX_PAGES} are not remembered (each access there asks the
 * kernel again: correct, only slower). Races between threads may lose a bit, which costs one more
 * madvise and nothing else.
 *
 * <p>When the object shrinks (seen through {@link MappedObject#shrinks()}), every bit is forgotten:
 * the kernel freed the pages past the new end, and a page touched again must be allocated again.
 */
final class PopulatedPages {
    /** The most pages remembered: those of the first 16 GiB of a mapping (a bit set of 512 KiB at most). */
    static final long MAX_PAGES = 1L << 22;

    private volatile long[] bits = new long[0];
    private volatile int seenShrinks;

    /** Whether the page is known allocated, and the object has not shrunk since. */
    boolean contains(long page, int shrinks) {
        long[] b = bits;
        long word = page >>> 6;
        return shrinks == seenShrinks && word < b.length && (b[(int) word] & (1L << page)) != 0;
    }

    /** Forgets every page if the object shrank since the last look. */
    void sync(int shrinks) {
        if (shrinks != seenShrinks) {
            bits = new long[0];
            seenShrinks = shrinks;
        }
    }

    /** Remembers the pages {@code [from, to]}. */
    void add(long from, long to) {
        long last = Math.min(to, MAX_PAGES - 1);
        if (from > last) {
            return;
        }
        long[] b = bits;
        int needed = (int) (last >>> 6) + 1;
        if (needed > b.length) {
            long[] grown = java.util.Arrays.copyOf(b, Math.max(needed, Math.min(2 * b.length, (int) (MAX_PAGES >>> 6))));
            bits = grown;
            b = grown;
        }
        for (long p = from; p <= last; p++) {
            b[(int) (p >>> 6)] |= 1L << p;
        }
    }
}
