package io.shmlab.libc;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects mapped in this process, each with its cached size (see {@link MappedObject}). Every
 * method fstats through a buffer of its own, under the registry's lock: only slow paths come here.
 */
final class MappedObjects {
    /** Duplicates are numbered from here up, out of the way of the numbers a program expects. */
    private static final int DUPLICATE_FLOOR = 1000;

    private final CheckedLibC libc;
    private final long stat = NativeMemory.allocate(StatLayout.SIZE);
    private final List<MappedObject> objects = new ArrayList<>();

    MappedObjects(CheckedLibC libc) {
        this.libc = libc;
    }

    /** The object open at {@code fd}, shared with other mappings of it; call {@link #release} on munmap. */
    synchronized MappedObject acquire(int fd, String argument) {
        libc.fstat(fd, stat, argument);
        long device = NativeMemory.getLong(stat + StatLayout.ST_DEV_OFFSET);
        long inode = NativeMemory.getLong(stat + StatLayout.ST_INO_OFFSET);
        long size = NativeMemory.getLong(stat + StatLayout.ST_SIZE_OFFSET);
        for (MappedObject o : objects) {
            if (o.device == device && o.inode == inode) {
                o.references++;
                o.resize(size);
                return o;
            }
        }
        MappedObject o = new MappedObject(device, inode, libc.duplicate(fd, DUPLICATE_FLOOR, argument), size);
        o.references = 1;
        objects.add(o);
        return o;
    }

    /** One mapping of the object is gone; the last one closes the duplicate. */
    synchronized void release(MappedObject o) {
        if (o.isAnonymous()) {
            return;
        }
        if (--o.references == 0) {
            objects.remove(o);
            libc.close(o.descriptor, null);
        }
    }

    /** A call through {@code fd} may have changed the size of its object: refresh it if it is mapped. */
    synchronized void sizeMayHaveChanged(int fd, String argument) {
        if (objects.isEmpty()) {
            return;
        }
        libc.fstat(fd, stat, argument);
        long device = NativeMemory.getLong(stat + StatLayout.ST_DEV_OFFSET);
        long inode = NativeMemory.getLong(stat + StatLayout.ST_INO_OFFSET);
        for (MappedObject o : objects) {
            if (o.device == device && o.inode == inode) {
                o.resize(NativeMemory.getLong(stat + StatLayout.ST_SIZE_OFFSET));
            }
        }
    }

    /** Asks the kernel the object's size now (another process may have changed it) and caches it. */
    synchronized long refresh(MappedObject o) {
        if (o.isAnonymous()) {
            return Long.MAX_VALUE;
        }
        libc.fstat(o.descriptor, stat, null);
        long size = NativeMemory.getLong(stat + StatLayout.ST_SIZE_OFFSET);
        o.resize(size);
        return size;
    }
}
