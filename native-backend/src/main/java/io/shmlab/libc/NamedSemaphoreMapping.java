package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.FaultKind;
import io.shmlab.api.MemoryFault;

/**
 * The page glibc maps for a named semaphore, shared by every handle of this process that opened the
 * name: glibc returns the same {@code sem_t *} for the same name while it is open, counts the opens,
 * and unmaps it at the last sem_close(3). Using a handle after that would touch unmapped memory, so
 * it is refused first with SIGSEGV.
 *
 * <p>The page maps the file {@code sem.NAME}, which anyone may cut (sem_open or shm_open with
 * O_TRUNC, ftruncate): an access would then be a SIGBUS. So the file is watched like any mapped
 * object ({@link MappedObject}, through a descriptor of our own, as glibc closes its one), and an
 * access past its end is refused first with SIGBUS.
 */
final class NamedSemaphoreMapping {
    final long address;
    private volatile int opens;
    private volatile MappedObject file;
    private MappedObjects objects;

    NamedSemaphoreMapping(long address) {
        this.address = address;
    }

    boolean isMapped() {
        return opens > 0;
    }

    int opens() {
        return opens;
    }

    void opened() {
        opens++;
    }

    void closed() {
        opens--;
    }

    /** Whether the file is watched yet (the first open watches it). */
    boolean watched() {
        return file != null;
    }

    /** Watches the file mapped, or {@link MappedObject#ANONYMOUS} when it could not be opened again. */
    void watch(MappedObject mapped, MappedObjects registry) {
        this.objects = registry;
        this.file = mapped;
    }

    /** The watched file, to release at the last close. */
    MappedObject file() {
        return file;
    }

    /**
     * Checks that an access of {@code size} bytes at {@code field} of the page would not be past the
     * end of the file (SIGBUS), asking its size again before refusing.
     */
    void checkInsideFile(long field, long size, Access access, String description) {
        MappedObject f = file;
        if (f == null || field + size <= f.pagesEnd()) {
            return;
        }
        objects.refresh(f);
        if (field + size > f.pagesEnd()) {
            throw pastEnd(field, access, description);
        }
    }

    /** SIGBUS at {@code field} of the page, its file being too short (as last seen) to hold it. */
    MemoryFault pastEnd(long field, Access access, String description) {
        MappedObject f = file;
        long size = f == null ? 0 : objects.refresh(f);
        return MemoryFault.of(FaultKind.PAST_END_OF_OBJECT, access, address + field, field,
                "through the named semaphore " + description + ": a page past the end of its file (size " + size + ")");
    }
}
