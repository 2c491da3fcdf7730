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

    /** mmap(2) with MAP_ANONYMOUS added to {@code flags}, fd -1 and offset 0. */
    record MmapAnonymous(long length, int prot, int flags) implements Step {
    }

    record Munmap(int mapping) implements Step {
    }

    /** munmap(2) of part of a mapping: {@code length} bytes at {@code offset} from its start. */
    record MunmapPart(int mapping, long offset, long length) implements Step {
    }

    record Load(int mapping, long offset, int width) implements Step {
    }

    record Store(int mapping, long offset, int width, long value) implements Step {
    }

    record GetAndAdd(int mapping, long offset, int delta) implements Step {
    }

    record Msync(int mapping, long offset, long length, int flags) implements Step {
    }

    record SemOpen(int name, int flags, int mode, long value) implements Step {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sem_open(name%d, 0%o, 0%o, %d)", name, flags, mode, value);
        }
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

    /** A timed wait until a deadline that has passed already (so it never blocks). */
    record SemTimedwait(int sem, long seconds, long nanos) implements Step {
    }

    record SemGetvalue(int sem) implements Step {
    }

    record SemDestroy(int sem) implements Step {
    }

    /** A pointer to whatever the mapping holds at the offset, taken as a {@code sem_t}. */
    record SemAt(int mapping, long offset) implements Step {
    }

    record Umask(int mask) implements Step {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Umask[0%o]", mask);
        }
    }

    /** Loads {@code length} bytes at once (memcpy out of the mapping). */
    record Copy(int mapping, long offset, int length) implements Step {
    }

    /** Stores {@code length} copies of a byte at once (memset). */
    record Fill(int mapping, long offset, int length, byte value) implements Step {
    }

    record CompareAndSetLong(int mapping, long offset, long expected, long value) implements Step {
    }

    record GetAndAddLong(int mapping, long offset, long delta) implements Step {
    }

    /** What the namespace holds of this program's names, as {@code ls /dev/shm} would show. */
    record ListShm() implements Step {
    }
}
