package io.shmlab.libc;

import io.shmlab.api.OpenFile;
import io.shmlab.api.PosixException;

/** A real descriptor of this process, from shm_open(3) or open(2). */
record NativeOpenFile(int fd, String name, int accessMode) implements OpenFile {

    /** How calls on it name it in errors: the name it was opened with. */
    String describe() {
        return PosixException.quote(name);
    }
}
