package io.shmlab.sim;

/**
 * One line of /proc/PID/maps: where a mapping is, how long, its protection and flags, the object it
 * maps ({@code null} for anonymous memory) and the offset in it; and of that object, its size (what
 * {@code ls -l} shows) against the pages it holds of its file system (what {@code du} shows: for an
 * object of /dev/shm, the pages touched or allocated by posix_fallocate).
 *
 * @param objectSize the mapped object's size in bytes, or -1 for anonymous memory
 * @param allocatedPages the pages the mapped object holds of the /dev/shm tmpfs, or -1 outside it
 *     (anonymous memory, a regular file)
 */
public record MappingInfo(long address, long length, int prot, int flags, String objectName, long fileOffset,
        long objectSize, long allocatedPages) {
}
