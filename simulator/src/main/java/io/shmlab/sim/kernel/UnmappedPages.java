package io.shmlab.sim.kernel;

import java.util.Arrays;

/**
 * The pages of one mapping that munmap(2) took out of it, as sorted, disjoint ranges of page indices
 * {@code [from, to)}: what Linux does by splitting the mapping's {@code vm_area_struct}. Immutable;
 * a mapping swaps in a new one when it loses more pages.
 */
final class UnmappedPages {
    /** Pairs from, to, sorted. */
    private final long[] ranges;

    private UnmappedPages(long[] ranges) {
        this.ranges = ranges;
    }

    /** None. */
    static final UnmappedPages NONE = new UnmappedPages(new long[0]);

    boolean isEmpty() {
        return ranges.length == 0;
    }

    /** These and the pages {@code [from, to)}, merged. */
    UnmappedPages plus(long from, long to) {
        long[] merged = new long[ranges.length + 2];
        int n = 0;
        long newFrom = from;
        long newTo = to;
        boolean placed = false;
        for (int i = 0; i < ranges.length; i += 2) {
            long a = ranges[i];
            long b = ranges[i + 1];
            if (b < newFrom) {
                merged[n++] = a;
                merged[n++] = b;
            } else if (a > newTo) {
                if (!placed) {
                    merged[n++] = newFrom;
                    merged[n++] = newTo;
                    placed = true;
                }
                merged[n++] = a;
                merged[n++] = b;
            } else {
                newFrom = Math.min(newFrom, a);
                newTo = Math.max(newTo, b);
            }
        }
        if (!placed) {
            merged[n++] = newFrom;
            merged[n++] = newTo;
        }
        return new UnmappedPages(Arrays.copyOf(merged, n));
    }

    boolean contains(long page) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (page >= ranges[i] && page < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The first page of {@code [from, to)} that is unmapped, or -1. */
    long firstIn(long from, long to) {
        for (int i = 0; i < ranges.length; i += 2) {
            long start = Math.max(from, ranges[i]);
            if (start < Math.min(to, ranges[i + 1])) {
                return start;
            }
        }
        return -1;
    }

    /** Whether every page of {@code [0, pages)} is unmapped. */
    boolean coversAll(long pages) {
        return ranges.length == 2 && ranges[0] <= 0 && ranges[1] >= pages;
    }
}
