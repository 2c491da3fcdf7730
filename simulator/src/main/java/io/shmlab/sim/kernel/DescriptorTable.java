package io.shmlab.sim.kernel;

import io.shmlab.api.Errno;
import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The file descriptors of one simulated process. A new descriptor takes the lowest free number from
 * 3 (0, 1 and 2 being the standard streams), as Linux does. A descriptor is found by its number, as
 * in C: an {@link OpenFile} of another process with the same number means this process's descriptor.
 *
 * <p>One exception keeps the api's promise that a closed {@link OpenFile} gives EBADF: a handle this
 * process closed stays closed, even after its number is given to a new descriptor (C would reach the
 * new one; the native backend cannot follow C there, as the JVM reuses numbers too).
 */
final class DescriptorTable {
    private static final int FIRST_FREE = 3;

    private final TreeMap<Integer, OpenDescription> open = new TreeMap<>();
    /** The handles closed here: weakly held, as nothing is owed to a handle nobody keeps. */
    private final Set<OpenFile> closed = Collections.newSetFromMap(new WeakHashMap<>());

    synchronized OpenDescription add(String name, int accessMode, MemoryObject object) {
        int fd = FIRST_FREE;
        for (int used : open.keySet()) {
            if (used == fd) {
                fd++;
            } else if (used > fd) {
                break;
            }
        }
        OpenDescription d = new OpenDescription(fd, name, accessMode, object);
        open.put(fd, d);
        object.descriptorOpened();
        return d;
    }

    /** The descriptor with the file's number, or EBADF for the call. */
    synchronized OpenDescription get(OpenFile file, String call) {
        OpenDescription d = file == null ? null : open.get(file.fd());
        if (d == null || (d != file && closed.contains(file))) {
            throw new PosixException(Errno.EBADF, call, file == null ? "-1" : String.valueOf(file.fd()));
        }
        return d;
    }

    synchronized OpenDescription remove(OpenFile file, String call) {
        OpenDescription d = get(file, call);
        open.remove(d.fd());
        d.object().descriptorClosed();
        closed.add(d);
        if (file != d) {
            closed.add(file);
        }
        return d;
    }

    synchronized List<OpenDescription> all() {
        return List.copyOf(open.values());
    }

    synchronized void clear() {
        for (OpenDescription d : open.values()) {
            d.object().descriptorClosed();
        }
        open.clear();
    }

    /** A copy for a child of fork(2). */
    synchronized DescriptorTable copy() {
        DescriptorTable child = new DescriptorTable();
        child.open.putAll(open);
        for (OpenDescription d : open.values()) {
            d.object().descriptorOpened();
        }
        child.closed.addAll(closed);
        return child;
    }
}
