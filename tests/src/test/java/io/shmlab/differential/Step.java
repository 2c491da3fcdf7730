package io.shmlab.differential;

import java.util.Locale;

/**
 * One operation of a random program, on handles named by index into what earlier steps made
 * (descriptors, mappings, semaphores; an index past the end wraps around). Backend-neutral: the same
 * step runs on every backend, and {@link World} renders what it did as text that can be compared.
 */
sealed interface Step {

    record ShmOpen(int name, int flags, int mode) implements Step {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "shm_open(name%d, 0%o, 0%o)", name, flags, mode);
        }
    }

    record ShmUnlink(int name) implements Step {
    }

    record Ftruncate(int fd, long length) implements Step {
    }

    record Fallocate(int fd, long offset, long length) implements Step {
    }

    record Fstat(int fd) implements Step {
    }

    record Close(int fd) implements Step {
    }

    record Mmap(int fd, long length, int prot, int flags, long offset) implements Step {
    }

    record MmapAnonymous(long length, int prot) implements Step {
    }

    record Munmap(int mapping) implements Step {
    }

    record Load(int mapping, long offset, int width) implements Step {
    }

    record Store(int mapping, long offset, int width, long value) implements Step {
    }

    record GetAndAdd(int mapping, long offset, int delta) implements Step {
    }

    record Msync(int mapping, long offset, long length, int flags) implements Step {
    }

    record SemOpen(int name, int flags, long value) implements Step {
    }

    record SemUnlink(int name) implements Step {
    }

    record SemClose(int sem) implements Step {
    }

    record SemInit(int mapping, long offset, long value) implements Step {
    }

    record SemPost(int sem) implements Step {
    }

    record SemTrywait(int sem) implements Step {
    }

    record SemTimedwait(int sem, long nanos) implements Step {
    }

    record SemGetvalue(int sem) implements Step {
    }
}
