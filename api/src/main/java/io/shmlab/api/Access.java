package io.shmlab.api;

/** What a faulting instruction did with the memory. */
public enum Access {
    /** A load. */
    READ,
    /** A store (atomic read-modify-write operations count as stores). */
    WRITE
}
