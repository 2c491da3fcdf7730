package io.shmlab.libc;

import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;

/**
 * glibc's {@code struct stat} on x86_64 Linux, as fstat(2) fills it.
 *
 * <pre>
 *   0 +-----------------+
 *     | st_dev     (8)  |
 *   8 +-----------------+
 *     | st_ino     (8)  |
 *  16 +-----------------+
 *     | st_nlink   (8)  |
 *  24 +--------+--------+
 *     |st_mode |st_uid  |  4 + 4
 *  32 +--------+--------+
 *     |st_gid  |__pad0  |  4 + 4
 *  40 +-----------------+
 *     | st_rdev    (8)  |
 *  48 +-----------------+
 *     | st_size    (8)  |
 *  56 +-----------------+
 *     | st_blksize, st_blocks, st_atim, st_mtim, st_ctim, reserved
 * 144 +-----------------+
 * </pre>
 */
final class StatLayout {
    /** The struct, member by member, as gcc lays it out. */
    static final StructLayout LAYOUT = StructLayout.builder("stat")
            .field("st_dev", CType.LONG)
            .field("st_ino", CType.LONG)
            .field("st_nlink", CType.LONG)
            .field("st_mode", CType.INT)
            .field("st_uid", CType.INT)
            .field("st_gid", CType.INT)
            .field("__pad0", CType.INT)
            .field("st_rdev", CType.LONG)
            .field("st_size", CType.LONG)
            .field("st_blksize", CType.LONG)
            .field("st_blocks", CType.LONG)
            .field("st_atim", CType.array(CType.LONG, 2))
            .field("st_mtim", CType.array(CType.LONG, 2))
            .field("st_ctim", CType.array(CType.LONG, 2))
            .field("__glibc_reserved", CType.array(CType.LONG, 3))
            .build();

    static final long ST_DEV_OFFSET = LAYOUT.offsetOf("st_dev");
    static final long ST_INO_OFFSET = LAYOUT.offsetOf("st_ino");
    static final long ST_MODE_OFFSET = LAYOUT.offsetOf("st_mode");
    static final long ST_UID_OFFSET = LAYOUT.offsetOf("st_uid");
    static final long ST_SIZE_OFFSET = LAYOUT.offsetOf("st_size");
    /** {@code sizeof(struct stat)}: 144. */
    static final long SIZE = LAYOUT.size();

    private StatLayout() {
    }
}
