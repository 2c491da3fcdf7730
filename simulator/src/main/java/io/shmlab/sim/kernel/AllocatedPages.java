package io.shmlab.sim.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The pages of an object that hold space in its file system, as sorted, disjoint ranges of page indices
 * {@code [from, to)}: a page is allocated by its first touch or by posix_fallocate(3), whose range may
 * be large (an allocated page needs no frame until it is touched, so a 1 GiB posix_fallocate costs a
 * range, not 262,144 frames). Guarded by the object's lock.
 */
final class AllocatedPages {
    /** from, to: disjoint and not adjacent (adjacent ranges are merged). */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long total;

    /** How many pages are allocated. */
    long total() {
        return total;
    }

    boolean contains(long page) {
        Map.Entry<Long, Long> below = ranges.floorEntry(page);
        return below != null && page < below.getValue();
    }

    /** How many of the pages {@code [from, to)} are allocated. */
    long countIn(long from, long to) {
        long n = 0;
        Map.Entry<Long, Long> first = ranges.floorEntry(from);
        long start = first != null && first.getValue() > from ? first.getKey() : from;
        for (Map.Entry<Long, Long> r : ranges.subMap(start, true, to, false).entrySet()) {
            n += Math.max(0, Math.min(r.getValue(), to) - Math.max(r.getKey(), from));
        }
        return n;
    }

    /** Marks the pages {@code [from, to)} allocated; returns how many were not before. */
    long add(long from, long to) {
        long fresh = (to - from) - countIn(from, to);
        long newFrom = from;
        long newTo = to;
        Map.Entry<Long, Long> below = ranges.floorEntry(from);
        if (below != null && below.getValue() >= from) {
            newFrom = below.getKey();
            newTo = Math.max(newTo, below.getValue());
        }
        for (Map.Entry<Long, Long> r : ranges.subMap(newFrom, true, newTo, true).entrySet()) {
            newTo = Math.max(newTo, r.getValue());
        }
        ranges.subMap(newFrom, true, newTo, true).clear();
        ranges.put(newFrom, newTo);
        total += fresh;
        return fresh;
    }

    /** Forgets the pages from {@code from} on (a truncation); returns how many were allocated. */
    long removeFrom(long from) {
        long removed = countIn(from, Long.MAX_VALUE);
        Map.Entry<Long, Long> below = ranges.lowerEntry(from);
        if (below != null && below.getValue() > from) {
            ranges.put(below.getKey(), from);
        }
        ranges.tailMap(from, true).clear();
        total -= removed;
        return removed;
    }
}
