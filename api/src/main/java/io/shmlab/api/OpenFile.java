package io.shmlab.api;

/**
 * An open file descriptor of one process, from shm_open(3) or open(2). It is closed with
 * {@link Os#close(OpenFile)}; using it after that gives EBADF.
 */
public interface OpenFile {
    /** The descriptor number in its process (3 and up, lowest free first, as in Linux). */
    int fd();

    /** The name it was opened with: {@code "/os_cp"} for shm_open, a path for open. */
    String name();

    /** {@link OpenFlags#O_RDONLY}, {@link OpenFlags#O_WRONLY} or {@link OpenFlags#O_RDWR}. */
    int accessMode();
}
