package io.shmlab.libc;

import java.lang.ref.Cleaner;

/**
 * A small block of native memory owned by one {@link NativeOs}, for the structs a call fills or reads
 * (struct stat, struct timespec, sem_getvalue's int), so that no call allocates. A handle is used by
 * one thread at a time, so one block per handle is enough; it is freed when the handle is unreachable.
 */
final class ScratchMemory {
    private static final Cleaner CLEANER = Cleaner.create();
    /** Large enough for every struct the calls use. */
    static final long SIZE = Math.max(StatLayout.SIZE, 2 * TimespecLayout.SIZE);

    private final long address;

    private ScratchMemory(long address) {
        this.address = address;
    }

    /** A block freed once {@code owner} is unreachable. */
    static ScratchMemory ownedBy(Object owner) {
        long address = NativeMemory.allocate(SIZE);
        CLEANER.register(owner, () -> NativeMemory.free(address));
        return new ScratchMemory(address);
    }

    /** The first byte. */
    long address() {
        return address;
    }

    /** A second struct timespec after the first. */
    long secondTimespec() {
        return address + TimespecLayout.SIZE;
    }
}
