package io.shmlab.api;

import io.shmlab.api.layout.SemT;

/** The limits of Linux and glibc on x86_64 that the contract depends on. */
public final class Limits {
    /** The size of a page: the unit of mapping, of allocation and of faults. */
    public static final int PAGE_SIZE = 4096;
    /** The longest file name in a directory such as /dev/shm, in bytes. */
    public static final int NAME_MAX = 255;
    /** The largest value a semaphore can hold ({@code INT_MAX} in glibc): {@link SemT#VALUE_MAX}. */
    public static final int SEM_VALUE_MAX = SemT.VALUE_MAX;

    private Limits() {
    }

    /** The length rounded up to a whole number of pages. */
    public static long pageAlignUp(long length) {
        return (length + PAGE_SIZE - 1) & -(long) PAGE_SIZE;
    }

    /** The offset rounded down to the start of its page. */
    public static long pageAlignDown(long offset) {
        return offset & -(long) PAGE_SIZE;
    }
}
