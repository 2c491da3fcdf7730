package io.shmlab.sim.kernel;

import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;

/**
 * An open file descriptor of a simulated process: the number, and what it refers to (the object and
 * the access mode it was opened with). fork(2) gives the child a descriptor of the same number
 * referring to the same object.
 */
public final class OpenDescription implements OpenFile {
    private final int fd;
    private final String name;
    private final int accessMode;
    private final MemoryObject object;

    OpenDescription(int fd, String name, int accessMode, MemoryObject object) {
        this.fd = fd;
        this.name = name;
        this.accessMode = accessMode;
        this.object = object;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int accessMode() {
        return accessMode;
    }

    /** The object the descriptor refers to. */
    public MemoryObject object() {
        return object;
    }

    /** True when it was opened for reading (O_RDONLY or O_RDWR). */
    public boolean readable() {
        return accessMode == OpenFlags.O_RDONLY || accessMode == OpenFlags.O_RDWR;
    }

    /** True when it was opened for writing (O_WRONLY or O_RDWR). */
    public boolean writable() {
        return accessMode == OpenFlags.O_WRONLY || accessMode == OpenFlags.O_RDWR;
    }

    @Override
    public String toString() {
        return "fd " + fd + " (" + name + ")";
    }
}
