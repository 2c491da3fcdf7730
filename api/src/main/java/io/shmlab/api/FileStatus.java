package io.shmlab.api;

/**
 * What fstat(2) tells of an open object: its size in bytes ({@code st_size}), its permission bits
 * ({@code st_mode & 07777}) and its owner ({@code st_uid}).
 */
public record FileStatus(long size, int mode, int uid) {
}
