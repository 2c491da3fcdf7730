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
    /** The top of the user address space on x86_64 (47 bits) less a guard page: Linux's TASK_SIZE. */
    public static final long TASK_SIZE = (1L << 47) - PAGE_SIZE;

    private Limits() {
    }

    /** The length rounded up to a whole number of pages. */
    public static long pageAlignUp(long length) {
        return (length + PAGE_SIZE - 1) & -(long) PAGE_SIZE;
    }

    /**
     * Whether munmap(2) of {@code length} bytes at {@code address} passes Linux's argument checks: a
     * page-aligned start, a length not 0 once rounded up to pages, and a range below
     * {@link #TASK_SIZE} (both compared as unsigned numbers, as the kernel does).
     */
    public static boolean munmapArgumentsValid(long address, long length) {
        if ((address & (PAGE_SIZE - 1)) != 0 || Long.compareUnsigned(address, TASK_SIZE) > 0
                || Long.compareUnsigned(length, TASK_SIZE - address) > 0) {
            return false;
        }
        return pageAlignUp(length) != 0;
    }

    /** The offset rounded down to the start of its page. */
    public static long pageAlignDown(long offset) {
        return offset & -(long) PAGE_SIZE;
    }
}
