package io.shmlab.libc;

import io.shmlab.api.Limits;

/**
 * An object (shared memory object or file) that some mapping of this process maps, with its size as
 * last seen. Mappings of the same object (the same device and inode) in this JVM share one.
 *
 * <p>The size is a cache: {@link MappedObjects} updates it whenever a call of this JVM may change it
 * (ftruncate, posix_fallocate, O_TRUNC) and whenever an access seems past the end (the slow path), so
 * an access is refused with SIGBUS only after a fresh fstat agrees. The object keeps a close-on-exec
 * duplicate of a descriptor for that fstat, since the program may close its own.
 */
final class MappedObject {
    /** Stands for anonymous memory, which has no end: no access to it is ever SIGBUS. */
    static final MappedObject ANONYMOUS = new MappedObject(-1, -1, -1, Long.MAX_VALUE);

    final long device;
    final long inode;
    final int descriptor;
    int references;
    private volatile long size;
    /** The size rounded up to pages: an access below it does not SIGBUS. */
    private volatile long pagesEnd;
    /**
     * How many times the size was seen to shrink: a shrink frees pages, so pages a mapping touched
     * before may need allocating again ({@link PopulatedPages}).
     */
    private volatile int shrinks;

    MappedObject(long device, long inode, int descriptor, long size) {
        this.device = device;
        this.inode = inode;
        this.descriptor = descriptor;
        resize(size);
    }

    /** The end of the last page of the object, as last seen. */
    long pagesEnd() {
        return pagesEnd;
    }

    /** The size in bytes, as last seen. */
    long size() {
        return size;
    }

    void resize(long newSize) {
        if (newSize < size) {
            shrinks++;
        }
        size = newSize;
        // a sparse object may be as large as Long.MAX_VALUE: rounding it up to a page would overflow
        pagesEnd = newSize > Long.MAX_VALUE - Limits.PAGE_SIZE ? Long.MAX_VALUE : Limits.pageAlignUp(newSize);
    }

    /** How many times the size was seen to shrink. */
    int shrinks() {
        return shrinks;
    }

    boolean isAnonymous() {
        return this == ANONYMOUS;
    }
}
