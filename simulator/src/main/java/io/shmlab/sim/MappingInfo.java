package io.shmlab.sim;

/**
 * One line of /proc/PID/maps: where a mapping is, how long, its protection and flags, the object it
 * maps ({@code null} for anonymous memory) and the offset in it.
 */
public record MappingInfo(long address, long length, int prot, int flags, String objectName, long fileOffset) {
}
