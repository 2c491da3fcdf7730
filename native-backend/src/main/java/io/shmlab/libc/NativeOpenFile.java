package io.shmlab.libc;

import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;

/**
 * A real descriptor of this process, from shm_open(3) or open(2).
 *
 * <p>Once closed, the handle never reaches the kernel with its number again: the JVM (or the program)
 * may have been given that number for another file since, and an ftruncate(2) through a stale handle
 * must not cut one of the JVM's own files. Calls on it pass -1 instead, so the kernel still makes its
 * checks in its own order and answers EBADF where it looks at the descriptor, as the api promises.
 */
final class NativeOpenFile implements OpenFile {
    /** A number the kernel never gives a descriptor. */
    private static final int NO_DESCRIPTOR = -1;

    private final int fd;
    private final String name;
    private final int accessMode;
    private volatile boolean closed;

    NativeOpenFile(int fd, String name, int accessMode) {
        this.fd = fd;
        this.name = name;
        this.accessMode = accessMode;
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

    /** The number to hand the kernel: the descriptor's, or -1 once it is closed. */
    int kernelFd() {
        return closed ? NO_DESCRIPTOR : fd;
    }

    /**
     * close(2) is about to run: Linux frees the number whatever close returns, so the handle is
     * closed from here on.
     */
    void markClosed() {
        closed = true;
    }

    /** How calls on it name it in errors: the name it was opened with. */
    String describe() {
        return PosixException.quote(name);
    }

    @Override
    public String toString() {
        return "fd " + fd + " (" + name + ")" + (closed ? ", closed" : "");
    }
}
